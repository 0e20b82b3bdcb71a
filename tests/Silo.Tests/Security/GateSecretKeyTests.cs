using Ops.Silo.Gates;
using Ops.Silo.Hosting;
using Xunit;

namespace Ops.Silo.Tests.Security;

public sealed class GateSecretKeyTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "ops-key-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_first_start_makes_a_key_that_later_starts_read_back()
    {
        var first = GateSecretKey.LoadOrCreate(dataDirectory);
        var again = GateSecretKey.LoadOrCreate(dataDirectory);

        Assert.Equal(GateSecretHasher.KeyBytes, first.Length);
        Assert.Equal(first, again);
        var path = Path.Combine(dataDirectory, "keys", GateSecretKey.FileName);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "keys")));
    }

    [Fact]
    public void A_damaged_key_is_refused_rather_than_replaced()
    {
        Directory.CreateDirectory(Path.Combine(dataDirectory, "keys"));
        var path = Path.Combine(dataDirectory, "keys", GateSecretKey.FileName);
        File.WriteAllBytes(path, new byte[3]);

        Assert.Throws<InvalidDataException>(() => GateSecretKey.LoadOrCreate(dataDirectory));
        Assert.Equal(3, new FileInfo(path).Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }
}
