using Ops.Contracts.Metrics;

namespace Ops.Silo.Metrics;

/// <summary>Adds counts series by series.</summary>
public static class CountsSum
{
    public static HubCounts Of(HubCounts totals, HubCounts increments) => new()
    {
        Events = Add(totals.Events, increments.Events),
        Rejects = Add(totals.Rejects, increments.Rejects),
        Decisions = Add(totals.Decisions, increments.Decisions),
        SituationsRaised = Add(totals.SituationsRaised, increments.SituationsRaised),
        DecisionSeconds = totals.DecisionSeconds.Plus(increments.DecisionSeconds),
    };

    private static Dictionary<TKey, long> Add<TKey>(IReadOnlyDictionary<TKey, long> totals, IReadOnlyDictionary<TKey, long> increments)
        where TKey : notnull
    {
        var sum = new Dictionary<TKey, long>(totals);
        foreach (var (key, increment) in increments)
            sum[key] = sum.GetValueOrDefault(key) + increment;
        return sum;
    }
}
