using System.Security.Cryptography;
using Ops.Silo.Gates;

namespace Ops.Silo.Hosting;

/// <summary>The key of <see cref="GateSecretHasher"/>, kept in <c>OPS_DATA_DIR/keys/gate-secrets.key</c> and made
/// by the first silo that needs it. Only silos read it: gate grains hash and verify the secrets, the gateway
/// just asks them. Every silo of a cluster must have the same file, and losing it locks out every gate
/// provisioned since (until their secrets are rotated): back it up with the database.</summary>
public static class GateSecretKey
{
    public const string FileName = "gate-secrets.key";

    public static byte[] LoadOrCreate(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "keys");
        var path = Path.Combine(directory, FileName);
        Directory.CreateDirectory(directory);
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, RandomNumberGenerator.GetBytes(GateSecretHasher.KeyBytes));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another silo made it first: use theirs.
                File.Delete(temporary);
            }
        }
        var key = File.ReadAllBytes(path);
        // Never replace a damaged key silently: a new one would lock out every gate.
        return key.Length >= GateSecretHasher.KeyBytes
            ? key
            : throw new InvalidDataException($"{path} holds {key.Length} bytes, not a gate-secret key of {GateSecretHasher.KeyBytes}.");
    }
}
