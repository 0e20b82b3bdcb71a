namespace Ops.Contracts.Residents;

/// <summary>The result of storing a resident: the stored resident, or the card or plate another
/// active resident of the site already holds (<see cref="ConflictingCard"/> or
/// <see cref="ConflictingPlate"/>, held by <see cref="ConflictingResidentId"/>).</summary>
[GenerateSerializer, Immutable, Alias("ops.resident-saved")]
public sealed record ResidentSaved(
    [property: Id(0)] Resident? Resident,
    [property: Id(1)] string? ConflictingCard,
    [property: Id(2)] string? ConflictingResidentId,
    [property: Id(3)] string? ConflictingPlate = null);
