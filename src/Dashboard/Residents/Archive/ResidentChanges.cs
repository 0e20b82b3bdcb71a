using Ops.Contracts.Residents;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Whether a row would change a stored resident. Texts compare trimmed, and an absent text is
/// the same as an empty one, since an archive cell cannot tell them apart.</summary>
public static class ResidentChanges
{
    public static bool AreSame(Resident stored, Resident incoming) =>
        SameText(stored.ResidentId, incoming.ResidentId)
        && SameText(stored.Name, incoming.Name)
        && SameText(stored.Unit, incoming.Unit)
        && SameText(stored.Building, incoming.Building)
        && SameText(stored.Phone, incoming.Phone)
        && SameText(stored.Birthday, incoming.Birthday)
        && SameList(stored.Care, incoming.Care)
        && SameList(stored.Cards, incoming.Cards)
        && SameList(stored.Plates, incoming.Plates)
        && SameText(stored.Notes, incoming.Notes)
        && stored.Active == incoming.Active;

    private static bool SameText(string? a, string? b) =>
        string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.Ordinal);

    private static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a ?? []).SequenceEqual(b ?? [], StringComparer.Ordinal);
}
