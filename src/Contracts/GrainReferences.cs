namespace Ops.Contracts;

/// <summary>Grain references by string key for the paths taken very often: every gate event, every row of an
/// import. Orleans' <c>GetGrain&lt;T&gt;(key)</c> works out the interface's grain type from its attributes, by
/// reflection, on every call (about 6% of the silo's CPU under load, docs/PERFORMANCE.md); here that is done
/// once per interface and process, and each later reference is made from the grain id directly.</summary>
public static class GrainReferences
{
    /// <summary>The same reference as <c>grains.GetGrain&lt;T&gt;(key)</c>.</summary>
    public static T Reference<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey =>
        Resolved<T>.Types is { } types
            ? (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface)
            : Resolved<T>.Resolve(grains, key);

    private static class Resolved<T> where T : IGrainWithStringKey
    {
        // A reference, so that a reader sees both types or neither.
        public static GrainTypes? Types;

        public static T Resolve(IGrainFactory grains, string key)
        {
            var grain = grains.GetGrain<T>(key);
            // A system type stands for an implementation not known yet (a client before it has the cluster's
            // manifest): asked again next time.
            if (grain is GrainReference reference && !reference.GrainId.Type.ToString()!.StartsWith(GrainTypePrefix.SystemPrefix, StringComparison.Ordinal))
                Types = new GrainTypes(reference.GrainId.Type, reference.InterfaceType);
            return grain;
        }
    }

    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);
}
