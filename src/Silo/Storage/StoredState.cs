namespace Ops.Silo.Storage;

/// <summary>A grain's state as stored: its payload (null once cleared) and the version a write must name.</summary>
public sealed record StoredState(byte[]? Payload, long Version);

/// <summary>One entry of a log, with the number its owner gave it.</summary>
public sealed record LogEntry(long Sequence, byte[] Payload);

/// <summary>A write whose expected version was not the stored one: another activation wrote the state since.</summary>
public sealed class StoreConflictException(string kind, string key, long? expected)
    : Exception($"The stored '{kind}' state of {key} is no longer at version {expected?.ToString() ?? "(none)"}.");
