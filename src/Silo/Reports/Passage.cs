namespace Ops.Silo.Reports;

/// <summary>What a feed entry counts as in the traffic report.</summary>
public enum Passage
{
    None,
    In,
    Out,
    Denied,
}
