using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Ops.Silo.Storage;
using Xunit;

namespace Ops.Silo.Tests.Storage;

/// <summary>What the group-commit store promises, on a real database: each subclass runs these on its own.</summary>
public abstract class StateStoreContract : IAsyncLifetime
{
    private StoreDialect dialect = null!;
    private StateStore store = null!;

    /// <summary>A dialect on this test's database; a short wait for locks where asked.</summary>
    protected abstract StoreDialect NewDialect(bool shortLockWait = false);

    /// <summary>Another connection holding the tables' write lock until disposed.</summary>
    protected abstract Task<IAsyncDisposable> HoldWriteLockAsync();

    /// <summary>A database-side rule refusing writes of this grain key, standing for any write the database turns down.</summary>
    protected abstract Task RefuseKeyAsync(string key);

    public virtual Task InitializeAsync()
    {
        dialect = NewDialect();
        dialect.ApplySchema();
        store = NewStore(dialect);
        store.Start();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await store.StopAsync();

    private static StateStore NewStore(StoreDialect dialect) =>
        new(dialect, new StateStoreOptions(), TimeProvider.System, NullLogger<StateStore>.Instance);

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_state_written_is_read_back_with_its_version()
    {
        var first = await store.WriteStateAsync("gate", "s/g1", null, Bytes("one"));
        var second = await store.WriteStateAsync("gate", "s/g1", first, Bytes("two"));

        var stored = await store.ReadStateAsync("gate", "s/g1");

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal("two", System.Text.Encoding.UTF8.GetString(stored!.Payload!));
        Assert.Equal(2, stored.Version);
        Assert.Null(await store.ReadStateAsync("gate", "s/other"));
    }

    [Fact]
    public async Task The_states_of_a_kind_under_a_key_prefix_are_read_together_without_cleared_ones()
    {
        await store.WriteStateAsync("resident", "S/r1", null, Bytes("r1"));
        await store.WriteStateAsync("resident", "S/r2", null, Bytes("r2"));
        await store.WriteStateAsync("resident", "S/gone", null, null);
        await store.WriteStateAsync("resident", "s/r3", null, Bytes("other case"));
        await store.WriteStateAsync("resident", "S2/r4", null, Bytes("longer site id"));
        await store.WriteStateAsync("gate", "S/g1", null, Bytes("other kind"));

        var read = await store.ReadStatesAsync("resident", "S/");

        Assert.Equal(["r1", "r2"], read.Select(payload => System.Text.Encoding.UTF8.GetString(payload)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_write_naming_an_old_version_is_a_conflict_and_stores_nothing()
    {
        await store.WriteStateAsync("gate", "s/g1", null, Bytes("one"));
        await store.WriteStateAsync("gate", "s/g1", 1, Bytes("two"));

        await Assert.ThrowsAsync<StoreConflictException>(() => store.WriteStateAsync("gate", "s/g1", 1, Bytes("stale")));
        await Assert.ThrowsAsync<StoreConflictException>(() => store.WriteStateAsync("gate", "s/g1", null, Bytes("first again")));

        Assert.Equal("two", System.Text.Encoding.UTF8.GetString((await store.ReadStateAsync("gate", "s/g1"))!.Payload!));
    }

    [Fact]
    public async Task Writes_queued_together_share_transactions()
    {
        var before = store.Committed;

        await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => store.WriteStateAsync("resident", $"s/r{i}", null, Bytes($"r{i}"))));

        var (transactions, writes) = store.Committed;
        Assert.Equal(2000, writes - before.Writes);
        // 2,000 writes queued at once: at most 1,000 a transaction, so a handful of commits, far from one each.
        Assert.InRange(transactions - before.Transactions, 2, 100);
        Assert.Equal("r1999", System.Text.Encoding.UTF8.GetString((await store.ReadStateAsync("resident", "s/r1999"))!.Payload!));
    }

    [Fact]
    public async Task One_grains_writes_are_stored_in_the_order_they_were_queued()
    {
        // Queued without waiting, each naming the version the one before will give it.
        var writes = Enumerable.Range(0, 300)
            .Select(i => store.WriteStateAsync("gate", "s/ordered", i == 0 ? null : i, Bytes($"v{i + 1}")))
            .ToList();

        var versions = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(1, 300).Select(v => (long)v), versions);
        var stored = await store.ReadStateAsync("gate", "s/ordered");
        Assert.Equal(300, stored!.Version);
        Assert.Equal("v300", System.Text.Encoding.UTF8.GetString(stored.Payload!));
    }

    [Fact]
    public async Task When_a_transaction_fails_every_write_in_it_fails_and_nothing_is_stored()
    {
        // Another connection holds the write lock: every commit of the store waits for it and then fails.
        var blocker = await HoldWriteLockAsync();
        var blocked = NewStore(NewDialect(shortLockWait: true));
        blocked.Start();

        var writes = Enumerable.Range(0, 50).Select(i => blocked.WriteStateAsync("resident", $"s/blocked{i}", null, Bytes("x"))).ToList();
        foreach (var write in writes)
            await Assert.ThrowsAnyAsync<DbException>(() => write);

        await blocker.DisposeAsync();
        await blocked.StopAsync();
        for (var i = 0; i < 50; i++)
            Assert.Null(await store.ReadStateAsync("resident", $"s/blocked{i}"));
        Assert.Equal((0, 0), blocked.Committed);
    }

    [Fact]
    public async Task A_faulty_write_fails_alone_and_the_others_of_its_transaction_are_stored()
    {
        await RefuseKeyAsync("s/poison");

        var writes = Enumerable.Range(0, 20)
            .Select(i => store.WriteStateAsync("resident", i == 10 ? "s/poison" : $"s/fine{i}", null, Bytes("x")))
            .ToList();
        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try { await write; return true; } catch (DbException) { return false; }
        }));

        Assert.Equal(19, outcomes.Count(ok => ok));
        Assert.False(outcomes[10]);
        Assert.Null(await store.ReadStateAsync("resident", "s/poison"));
        Assert.NotNull(await store.ReadStateAsync("resident", "s/fine19"));
    }

    [Fact]
    public async Task Stopping_commits_every_write_queued_before_it()
    {
        var writes = Enumerable.Range(0, 500).Select(i => store.WriteStateAsync("resident", $"s/late{i}", null, Bytes("x"))).ToList();

        await store.StopAsync();

        Assert.All(writes, write => Assert.True(write.IsCompletedSuccessfully));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteStateAsync("resident", "s/after", null, Bytes("x")));
        var reopened = NewStore(dialect);
        Assert.NotNull(await reopened.ReadStateAsync("resident", "s/late499"));
        store = reopened;
        store.Start();
    }

    [Fact]
    public async Task A_log_keeps_its_entries_in_order_reads_its_newest_and_trims_its_oldest()
    {
        for (var sequence = 1; sequence <= 10; sequence++)
            await store.AppendAsync("gate-events", "s/g1", sequence, Bytes($"e{sequence}"));
        await store.AppendAsync("gate-events", "s/g2", 1, Bytes("other gate"));

        var tail = await store.ReadLogTailAsync("gate-events", "s/g1", 3);
        var removed = await store.TrimAsync("gate-events", "s/g1", below: 8);
        var left = await store.ReadLogFromAsync("gate-events", "s/g1", from: 0, count: 100);

        Assert.Equal([10L, 9L, 8L], tail.Select(entry => entry.Sequence));
        Assert.Equal(7, removed);
        Assert.Equal(["e8", "e9", "e10"], left.Select(entry => System.Text.Encoding.UTF8.GetString(entry.Payload)));
        Assert.Single(await store.ReadLogTailAsync("gate-events", "s/g2", 10));
    }

    [Fact]
    public async Task A_log_entry_numbered_twice_fails_and_keeps_the_first()
    {
        await store.AppendAsync("gate-events", "s/g1", 1, Bytes("first"));

        await Assert.ThrowsAnyAsync<DbException>(() => store.AppendAsync("gate-events", "s/g1", 1, Bytes("second")));

        Assert.Equal("first", System.Text.Encoding.UTF8.GetString((await store.ReadLogTailAsync("gate-events", "s/g1", 1))[0].Payload));
    }
}
