using System.Text;

namespace Ops.Dashboard.Problems;

/// <summary>The one rule for the characters of every text the API stores, and how a refused value is
/// quoted back. Control characters and bidirectional overrides and isolates are refused: they make a
/// name look like another one on screen or in a spreadsheet (Trojan Source), or break the layout of the
/// control room. Multi-line texts (notes, details) may keep line breaks and tabs.</summary>
public static class TextRules
{
    /// <summary>How many characters of a refused value an error message repeats.</summary>
    public const int QuotedPrefix = 24;

    public const string SingleLineRule = "must not contain control or bidirectional-override characters";
    public const string MultiLineRule = "must not contain control or bidirectional-override characters (line breaks and tabs are allowed)";

    /// <summary>Whether the text has only characters a stored text may have; null is clean.</summary>
    public static bool IsClean(string? text, bool multiLine = false)
    {
        if (text is null)
            return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsRefused(c, multiLine))
                return false;
        }
        return true;
    }

    /// <summary>Whether a UTF-16 code unit is refused: C0 and C1 controls and DEL (line feed, carriage return
    /// and tab only in multi-line texts), the bidirectional embeddings and overrides U+202A-U+202E and
    /// isolates U+2066-U+2069, and a surrogate that is not part of a pair.</summary>
    public static bool IsRefused(char c, bool multiLine = false) => c switch
    {
        '\n' or '\r' or '\t' => !multiLine,
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => char.IsSurrogate(c),
    };

    /// <summary>A short, safe quotation of a value for an error message: at most <see cref="QuotedPrefix"/>
    /// characters in single quotes, an ellipsis when cut, refused characters shown as U+FFFD.</summary>
    public static string Quote(string? value)
    {
        value ??= "";
        var builder = new StringBuilder(QuotedPrefix + 3).Append('\'');
        var length = Math.Min(value.Length, QuotedPrefix);
        if (length < value.Length && char.IsHighSurrogate(value[length - 1]))
            length--;
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(value[i + 1]);
            if (paired)
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }
            builder.Append(IsRefused(c) ? '\uFFFD' : c);
        }
        if (length < value.Length)
            builder.Append('…');
        return builder.Append('\'').ToString();
    }
}
