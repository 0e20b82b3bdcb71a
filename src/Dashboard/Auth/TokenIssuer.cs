using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ops.Contracts.Users;

namespace Ops.Dashboard.Auth;

/// <summary>Issues signed bearer tokens carrying the user's name, role, sites and stamp; a token whose
/// stamp is no longer the user's is refused (<see cref="UserStamps"/>).</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, TimeProvider time)
{
    public const string Issuer = "ops-hub";
    public const string SiteClaim = "site";
    public const string StampClaim = "stamp";

    /// <summary>Marks a token that opens the admin console pages only (<c>AdminConsole</c>), never the API.</summary>
    public const string ConsoleClaim = "console";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserView user, string stamp) => Issue(user, stamp, Lifetime);

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserView user, string stamp, TimeSpan lifetime, bool console = false)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + lifetime;
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Username), new(ClaimTypes.Role, user.Role), new(StampClaim, stamp) };
        if (console)
            claims.Add(new Claim(ConsoleClaim, "true"));
        claims.AddRange(user.Sites.Select(site => new Claim(SiteClaim, site)));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }

    /// <summary>The user's name and the stamp the token carries (null when it carries none).</summary>
    public static (string? Username, string? Stamp) Read(ClaimsPrincipal? principal) =>
        (principal?.Identity?.Name, principal?.FindFirst(StampClaim)?.Value);
}
