using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Ops.Dashboard.Auth;

/// <summary>The key that signs access tokens, kept in <c>OPS_DATA_DIR/keys</c> so tokens outlive a restart.</summary>
public static class SigningKey
{
    public static SymmetricSecurityKey LoadOrCreate(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "keys");
        var path = Path.Combine(directory, "token-signing.key");
        Directory.CreateDirectory(directory);
        if (!File.Exists(path))
        {
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, RandomNumberGenerator.GetBytes(64));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temporary, path, overwrite: false);
        }
        return new SymmetricSecurityKey(File.ReadAllBytes(path));
    }
}
