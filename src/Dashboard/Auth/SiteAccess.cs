using System.Security.Claims;
using Ops.Contracts.Users;

namespace Ops.Dashboard.Auth;

/// <summary>Which sites a signed-in user may see: an admin every site, anyone else the sites they were given.</summary>
public static class SiteAccess
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static bool MaySee(this ClaimsPrincipal user, string siteId) =>
        user.IsAdmin() || user.FindAll(TokenIssuer.SiteClaim).Any(claim => claim.Value == siteId);
}
