using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Ops.LoadGen;

/// <summary>A real SignalR client on <c>/hubs/ops</c>, joined to every site of the run, as a control-room
/// screen is. Each feed entry of ours is matched to its event by gate and event id and its arrival
/// recorded in the step's timestamp table.</summary>
public sealed class FeedListener(Uri baseAddress, string token, IReadOnlyDictionary<string, int> gateIndexes, Func<TimestampTable?> table)
    : IAsyncDisposable
{
    private readonly HubConnection connection = new HubConnectionBuilder()
        .WithUrl(new Uri(baseAddress, "hubs/ops"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();
    private long entries;

    public long Entries => Interlocked.Read(ref entries);

    public async Task StartAsync(IEnumerable<string> sites)
    {
        connection.On<FeedEntry[]>("events", batch =>
        {
            var received = Stopwatch.GetTimestamp();
            Interlocked.Add(ref entries, batch.Length);
            if (table() is not { } current)
                return;
            foreach (var entry in batch)
            {
                if (gateIndexes.TryGetValue($"{entry.SiteId}/{entry.GateId}", out var gate)
                    && TimestampTable.TryParseEventId(entry.EventId, out var step, out var sequence) && step == current.Step)
                    current.RecordPushed(gate, sequence, received);
            }
        });
        await connection.StartAsync();
        foreach (var site in sites)
            await connection.InvokeAsync("JoinSite", site);
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
