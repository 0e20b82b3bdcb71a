namespace Ops.Dashboard.Problems;

/// <summary>Collects what is wrong with a request body, field by field.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public IEnumerable<string> Fields => errors.Keys;

    public FieldErrors Check(bool valid, string field, string message)
    {
        if (!valid)
            Add(field, message);
        return this;
    }

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
            errors[field] = list = [];
        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
}
