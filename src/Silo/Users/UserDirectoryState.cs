using Ops.Contracts.Users;

namespace Ops.Silo.Users;

[GenerateSerializer, Alias("ops.user-directory-state")]
public sealed class UserDirectoryState
{
    [Id(0)] public SortedDictionary<string, UserView> Users { get; set; } = new(StringComparer.Ordinal);
}
