namespace Ops.Dashboard.Problems;

/// <summary>The length and character checks of text fields, with messages that name the limit.</summary>
public static class TextFieldChecks
{
    /// <summary>A text that must be there (not blank), at most <paramref name="max"/> characters, clean.</summary>
    public static FieldErrors Required(this FieldErrors errors, string? value, string field, int max, bool multiLine = false)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
            errors.Add(field, $"is required (at most {max} characters)");
        else if (!TextRules.IsClean(value, multiLine))
            errors.Add(field, multiLine ? TextRules.MultiLineRule : TextRules.SingleLineRule);
        return errors;
    }

    /// <summary>A text that may be absent, at most <paramref name="max"/> characters, clean.</summary>
    public static FieldErrors Optional(this FieldErrors errors, string? value, string field, int max, bool multiLine = false)
    {
        if (value is null)
            return errors;
        if (value.Length > max)
            errors.Add(field, $"must have at most {max} characters");
        else if (!TextRules.IsClean(value, multiLine))
            errors.Add(field, multiLine ? TextRules.MultiLineRule : TextRules.SingleLineRule);
        return errors;
    }

    /// <summary>A list that may be absent, with at most <paramref name="max"/> items.</summary>
    public static FieldErrors Count<T>(this FieldErrors errors, IReadOnlyCollection<T>? values, string field, int max)
    {
        if (values is not null && values.Count > max)
            errors.Add(field, $"must have at most {max} items");
        return errors;
    }
}
