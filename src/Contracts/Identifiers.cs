using System.Text.RegularExpressions;

namespace Ops.Contracts;

/// <summary>The identifier formats of docs/api.md.</summary>
public static partial class Identifiers
{
    public static bool IsSiteId(string? value) => value is not null && SiteId().IsMatch(value);

    public static bool IsGateId(string? value) => value is not null && GateId().IsMatch(value);

    public static bool IsResidentId(string? value) => value is not null && ResidentId().IsMatch(value);

    public static bool IsCard(string? value) => value is not null && Card().IsMatch(value);

    public static bool IsUsername(string? value) => value is not null && Username().IsMatch(value);

    /// <summary>Cards compare case-insensitively; the hub keeps them in upper case.</summary>
    public static string NormaliseCard(string card) => card.ToUpperInvariant();

    /// <summary>Plates compare in upper case without spaces or dashes (<c>粤b 12345</c> is <c>粤B12345</c>).</summary>
    public static string NormalisePlate(string plate) =>
        plate.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>2-16 letters (any script) and digits once normalised.</summary>
    public static bool IsPlate(string? plate) =>
        plate is not null && NormalisePlate(plate) is { Length: >= 2 and <= 16 } normalised && normalised.All(char.IsLetterOrDigit);

    /// <summary>The last four characters of a card: all that screens and logs ever show.</summary>
    public static string CardTail(string card) => card.Length <= 4 ? card : card[^4..];

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,31}\z")]
    private static partial Regex SiteId();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}\z")]
    private static partial Regex GateId();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\z")]
    private static partial Regex ResidentId();

    [GeneratedRegex(@"^[0-9A-Fa-f]{1,32}\z")]
    private static partial Regex Card();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}\z")]
    private static partial Regex Username();
}
