namespace Ops.Contracts.Residents;

/// <summary>Which residents a search (<c>?query=</c>) finds: the query, ignoring case, within the name,
/// unit, phone, a card or a plate. Cards and plates are also compared normalised, so <c>粤b 123</c>
/// finds <c>粤B12345</c>. No query finds everyone.</summary>
public static class ResidentSearch
{
    public static bool Matches(Resident resident, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return true;
        var text = query.Trim();
        if (Contains(resident.Name, text) || Contains(resident.Unit, text) || Contains(resident.Phone, text))
            return true;
        var card = Identifiers.NormaliseCard(text);
        if (resident.Cards.Any(c => Contains(c, text) || Contains(Identifiers.NormaliseCard(c), card)))
            return true;
        var plate = Identifiers.NormalisePlate(text);
        return resident.Plates.Any(p => Contains(p, text) || (plate.Length > 0 && Contains(Identifiers.NormalisePlate(p), plate)));
    }

    private static bool Contains(string? value, string text) =>
        value is not null && value.Contains(text, StringComparison.OrdinalIgnoreCase);
}
