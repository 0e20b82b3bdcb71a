namespace Ops.Dashboard.Users;

/// <summary>A user who may see a site, as an operator picks an assignee (<c>GET /api/sites/{siteId}/users</c>).</summary>
public sealed record SiteUser(string Username, string? DisplayName, string Role);
