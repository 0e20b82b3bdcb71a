namespace Ops.Contracts.Situations;

/// <summary>The outcome of a person's change to a situation: the new view, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("ops.change-result")]
public sealed record ChangeResult([property: Id(0)] SituationView? View, [property: Id(1)] string? Refusal)
{
    public static ChangeResult Refused(string why) => new(null, why);
}
