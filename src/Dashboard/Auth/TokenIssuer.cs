using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Ops.Contracts.Users;

namespace Ops.Dashboard.Auth;

/// <summary>Issues signed bearer tokens carrying the user's name, role and sites.</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, TimeProvider time)
{
    public const string Issuer = "ops-hub";
    public const string SiteClaim = "site";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserView user)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + Lifetime;
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Username), new(ClaimTypes.Role, user.Role) };
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
}
