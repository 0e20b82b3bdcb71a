namespace Ops.Silo.Storage;

/// <summary>The name grains use in <c>[PersistentState]</c> for the hub's durable state.</summary>
public static class GrainStorage
{
    public const string Name = "ops";
}
