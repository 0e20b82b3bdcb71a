namespace Ops.Simulator.People;

/// <summary>A vehicle pass as <c>PUT /api/sites/{siteId}/vehicles/{plate}</c> takes it.</summary>
public sealed record CarPass(string Plate, string Kind, string? ValidUntil, string? ResidentId);
