namespace Ops.Contracts.Residents;

/// <summary>The care tags of docs/api.md.</summary>
public static class CareTags
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "elderly", "lives-alone", "child", "disabled", "wheelchair",
        "visually-impaired", "hearing-impaired", "ill", "pregnant",
    };
}
