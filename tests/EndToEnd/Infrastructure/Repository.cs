namespace Ops.EndToEnd.Infrastructure;

/// <summary>Finds the repository and the build output of the hub's processes, in the tests' own configuration.</summary>
public static class Repository
{
    public static readonly string Root = FindRoot();

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Dll(string project, string assembly) =>
        Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly + ".dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ops.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Ops.sln not found above " + AppContext.BaseDirectory);
    }
}
