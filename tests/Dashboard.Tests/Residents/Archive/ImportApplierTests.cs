using System.Collections.Concurrent;
using Ops.Contracts.Residents;
using Ops.Dashboard.Residents.Archive;
using Xunit;

namespace Ops.Dashboard.Tests.Residents.Archive;

public sealed class ImportApplierTests
{
    private static Resident Resident(string id, params string[] cards) => new() { ResidentId = id, Name = id, Unit = "1-1-0101", Cards = [.. cards] };

    private static RowOutcome Stored(int row, Resident resident) => new(row, RowVerdict.Created, resident);

    [Fact]
    public async Task Rows_with_nothing_in_common_are_saved_at_the_same_time()
    {
        var inFlight = 0;
        var most = 0;
        var applier = new ImportApplier(async resident =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref inFlight);
            return new ResidentSaved(resident, null, null);
        }, concurrency: 8);

        var plan = Enumerable.Range(1, 40).Select(i => Stored(i, Resident($"r{i}", $"C{i:X6}"))).ToList();
        var outcomes = await applier.ApplyAsync(plan, []);

        Assert.Equal(plan, outcomes);
        Assert.InRange(most, 2, 8);
    }

    [Fact]
    public async Task A_row_naming_a_card_of_an_earlier_row_waits_for_it()
    {
        var order = new ConcurrentQueue<string>();
        var applier = new ImportApplier(async resident =>
        {
            // The earlier row is the slower one: without waiting, the later would finish first.
            await Task.Delay(resident.ResidentId == "first" ? 100 : 1);
            order.Enqueue(resident.ResidentId);
            return new ResidentSaved(resident, null, null);
        });
        // "first" drops the card it held before; "second" takes it.
        var stored = new[] { Resident("first", "AA0001") };

        await applier.ApplyAsync([Stored(1, Resident("first")), Stored(2, Resident("second", "AA0001"))], stored);

        Assert.Equal(["first", "second"], order);
    }

    [Fact]
    public async Task A_save_the_grain_refuses_becomes_a_rejected_row_and_the_rest_go_on()
    {
        var applier = new ImportApplier(resident => Task.FromResult(resident.ResidentId == "taken"
            ? new ResidentSaved(null, "AA0001", "someone")
            : new ResidentSaved(resident, null, null)));

        var outcomes = await applier.ApplyAsync(
            [Stored(1, Resident("taken", "AA0001")), Stored(2, Resident("fine", "BB0002")), new RowOutcome(3, RowVerdict.Unchanged)], []);

        Assert.Equal(RowVerdict.Rejected, outcomes[0].Verdict);
        Assert.Equal(RowVerdict.Created, outcomes[1].Verdict);
        Assert.Equal(RowVerdict.Unchanged, outcomes[2].Verdict);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
