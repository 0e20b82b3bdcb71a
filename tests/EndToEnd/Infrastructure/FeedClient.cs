using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>A real SignalR client on <c>/hubs/ops</c>, as a control-room screen uses it. It records
/// what arrives on each of the contract's push methods.</summary>
public sealed class FeedClient : IAsyncDisposable
{
    private readonly Channel<JsonElement> events = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<(DateTime At, JsonElement View)> situations = Channel.CreateUnbounded<(DateTime, JsonElement)>();
    private readonly Channel<JsonElement> gates = Channel.CreateUnbounded<JsonElement>();

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
        connection.On<JsonElement>("situationChanged", view => client.situations.Writer.TryWrite((DateTime.UtcNow, view)));
        connection.On<JsonElement>("gateChanged", view => client.gates.Writer.TryWrite(view));
        await connection.StartAsync();
        return client;
    }

    public Task JoinSiteAsync(string siteId) => Connection.InvokeAsync("JoinSite", siteId);

    /// <summary>The next feed entry for which <paramref name="match"/> holds; others are skipped.</summary>
    public Task<JsonElement> NextAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null) =>
        NextAsync(events, match, timeout);

    /// <summary>The next <c>situationChanged</c> push that matches, with when it arrived.</summary>
    public async Task<(DateTime At, JsonElement View)> NextSituationAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var pushed = await situations.Reader.ReadAsync(cancel.Token);
            if (match(pushed.View))
                return pushed;
        }
    }

    public Task<JsonElement> NextGateAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null) =>
        NextAsync(gates, match, timeout);

    /// <summary>Every feed entry that arrives within the wait.</summary>
    public Task<List<JsonElement>> CollectAsync(TimeSpan wait) => CollectAsync(events, wait);

    /// <summary>Every situation push that arrives within the wait.</summary>
    public async Task<List<JsonElement>> CollectSituationsAsync(TimeSpan wait)
    {
        var collected = new List<JsonElement>();
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            while (true)
                collected.Add((await situations.Reader.ReadAsync(cancel.Token)).View);
        }
        catch (OperationCanceledException)
        {
        }
        return collected;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private static async Task<JsonElement> NextAsync(Channel<JsonElement> channel, Func<JsonElement, bool> match, TimeSpan? timeout)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var entry = await channel.Reader.ReadAsync(cancel.Token);
            if (match(entry))
                return entry;
        }
    }

    private static async Task<List<JsonElement>> CollectAsync(Channel<JsonElement> channel, TimeSpan wait)
    {
        var collected = new List<JsonElement>();
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            while (true)
                collected.Add(await channel.Reader.ReadAsync(cancel.Token));
        }
        catch (OperationCanceledException)
        {
        }
        return collected;
    }
}
