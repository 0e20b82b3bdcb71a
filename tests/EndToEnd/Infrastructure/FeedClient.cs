using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>A real SignalR client on <c>/hubs/ops</c>, as a control-room screen uses it.</summary>
public sealed class FeedClient : IAsyncDisposable
{
    private readonly Channel<JsonElement> events = Channel.CreateUnbounded<JsonElement>();

    private FeedClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<FeedClient> ConnectAsync(Hub hub, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hub.BaseAddress, "hubs/ops"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new FeedClient(connection);
        connection.On<JsonElement[]>("events", batch =>
        {
            foreach (var entry in batch)
                client.events.Writer.TryWrite(entry);
        });
        await connection.StartAsync();
        return client;
    }

    public Task JoinSiteAsync(string siteId) => Connection.InvokeAsync("JoinSite", siteId);

    /// <summary>The next feed entry for which <paramref name="match"/> holds; others are skipped.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var entry = await events.Reader.ReadAsync(cancel.Token);
            if (match(entry))
                return entry;
        }
    }

    /// <summary>Every entry that arrives within the wait.</summary>
    public async Task<List<JsonElement>> CollectAsync(TimeSpan wait)
    {
        var collected = new List<JsonElement>();
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            while (true)
                collected.Add(await events.Reader.ReadAsync(cancel.Token));
        }
        catch (OperationCanceledException)
        {
        }
        return collected;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
