using System.Globalization;
using Orleans.Storage;

namespace Ops.Silo.Storage;

/// <summary>Orleans grain persistence (<c>[PersistentState(..., GrainStorage.Name)]</c>) on <see cref="StateStore"/>:
/// a state is stored under its name and the grain's key, in Orleans' own version-tolerant binary format, and
/// <c>WriteStateAsync</c> returns once the group commit holding it is durable.</summary>
public sealed class GroupCommitGrainStorage(StateStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await store.ReadStateAsync(stateName, grainId.Key.ToString()!);
        grainState.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = stored?.Payload is not null;
        grainState.State = stored?.Payload is { } payload
            ? serializer.Deserialize<T>(new BinaryData(payload))
            : Activator.CreateInstance<T>();
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StoreAsync(stateName, grainId, grainState, serializer.Serialize(grainState.State).ToArray());

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await StoreAsync(stateName, grainId, grainState, null);
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task StoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, byte[]? payload)
    {
        long? expected = grainState.ETag is { } etag ? long.Parse(etag, CultureInfo.InvariantCulture) : null;
        try
        {
            var version = await store.WriteStateAsync(stateName, grainId.Key.ToString()!, expected, payload);
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = payload is not null;
        }
        catch (StoreConflictException conflict)
        {
            throw new InconsistentStateException(conflict.Message, grainState.ETag, "(unknown)", conflict);
        }
    }
}
