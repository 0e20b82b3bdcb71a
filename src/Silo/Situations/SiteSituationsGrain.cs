using Ops.Contracts.Metrics;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;
using Ops.Silo.Timers;

namespace Ops.Silo.Situations;

public sealed class SiteSituationsGrain(
    [PersistentState("site-situations", GrainStorage.Name)] IPersistentState<SiteSituationsState> state,
    TimeProvider time) : DeadlineGrain(time), ISiteSituationsGrain
{
    /// <summary>Situation numbers are reserved this many at a time: one write per block, not per situation.
    /// Numbers reserved but not used when the index deactivates are skipped.</summary>
    public const int NumberBlock = 100;

    /// <summary>How far back <c>state=all</c> looks when no period is given, and how many it lists at most.</summary>
    public const int MaxListed = 1000;

    private SiteSituationsState Index => state.State;
    private long nextNumber;
    private SlaConfig? sla;

    private string SiteId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // LastNumber is the end of the reserved block (for older versions: the last number given).
        nextNumber = Index.LastNumber + 1;
        ArmShelfExpiry();
        return Task.CompletedTask;
    }

    public async Task<SituationView> RaiseAsync(RaiseRequest request)
    {
        var key = SiteSituationsState.Key(request.Kind, request.Subject);
        if (Index.Open.TryGetValue(key, out var openId))
            return await Situation(openId).RepeatAsync(request, request.Detail);

        var now = Time.GetUtcNow();
        FloodControl.Prune(Index.RecentRaises, now);
        var shelved = request.GateId is { } gateId
            && Index.Shelves.Any(s => s.GateId == gateId && s.Kind == request.Kind && s.Until > now);
        var summaryId = !shelved && FloodControl.Groups(Index.RecentRaises, request.Severity)
            ? await FloodSummaryAsync(now)
            : null;

        var id = await ReserveIdAsync();
        var view = await Situation(id).OpenAsync(new OpenSituation
        {
            SiteId = SiteId,
            Request = request,
            Checklist = request.Checklist ?? ChecklistOf(request.Kind),
            SlaSeconds = await SlaSecondsAsync(request.Severity),
            Shelved = shelved,
            GroupedInto = summaryId,
        });
        Index.Open[key] = id;
        Index.RecentRaises.Add(now);
        if (shelved)
            Index.ShelvedOpen.Add(new ShelvedSituation(id, request.GateId!, request.Kind));
        if (summaryId is not null)
        {
            Index.Groups[summaryId].Add(id);
            await Situation(summaryId).RepeatAsync(FloodControl.Summary(Index.Groups[summaryId].Count, now),
                FloodControl.Detail(Index.Groups[summaryId].Count));
        }
        await state.WriteStateAsync();
        CountRaised(request.Kind, request.Severity);
        return view;
    }

    public async Task ClearAsync(string kind, string subject, DateTimeOffset at, string why)
    {
        if (Index.Open.TryGetValue(SiteSituationsState.Key(kind, subject), out var id))
            await Situation(id).ClearAsync(at, why);
    }

    public Task<ChangeResult> AcknowledgeAsync(string id, string by, string? note) =>
        ChangeAsync(id, situation => situation.AcknowledgeAsync(by, note));

    public async Task<ChangeResult> ResolveAsync(string id, string by, string? note)
    {
        var result = await ChangeAsync(id, situation => situation.ResolveAsync(by, note));
        if (result.View is null)
            return result;
        Forget(id);
        if (Index.Groups.Remove(id, out var members))
        {
            foreach (var member in members)
            {
                await Situation(member).ResolveAsync(by, $"resolved with flood summary {id}");
                Forget(member);
            }
        }
        await state.WriteStateAsync();
        return result;
    }

    public Task<ChangeResult> AssignAsync(string id, string by, string assignee) =>
        ChangeAsync(id, situation => situation.AssignAsync(by, assignee));

    public Task<ChangeResult> TickAsync(string id, string by, int step, bool done, string? note) =>
        ChangeAsync(id, situation => situation.TickAsync(by, step, done, note));

    public async Task<IReadOnlyList<SituationView>> ListOpenAsync()
    {
        var views = await Task.WhenAll(Index.Open.Values.Distinct().Select(id => Situation(id).GetAsync(false)));
        return [.. views.OfType<SituationView>().Where(v => v.GroupedInto is null).OrderBy(v => Rank(v.Severity)).ThenByDescending(v => v.LastAt)];
    }

    public async Task<IReadOnlyList<SituationView>> ListAllAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var records = await ArchiveMonth.ReadAsync(GrainFactory, SiteId, from, to);
        var newest = records.OrderByDescending(r => r.RaisedAt).Take(MaxListed);
        var views = await Task.WhenAll(newest.Select(r => Situation(r.Id).GetAsync(false)));
        return [.. views.OfType<SituationView>()];
    }

    public async Task<Shelf> ShelveAsync(Shelf shelf)
    {
        Index.Shelves.RemoveAll(s => s.GateId == shelf.GateId && s.Kind == shelf.Kind);
        Index.Shelves.Add(shelf);
        Index.ShelfLog.Add(new HistoryEntry(Time.GetUtcNow(), shelf.By, "shelved",
            $"{shelf.Kind} at {shelf.GateId} until {shelf.Until:O}: {shelf.Reason}"));
        await state.WriteStateAsync();
        ArmShelfExpiry();
        return shelf;
    }

    public async Task<bool> UnshelveAsync(string gateId, string kind, string by)
    {
        if (Index.Shelves.RemoveAll(s => s.GateId == gateId && s.Kind == kind) == 0)
            return false;
        Index.ShelfLog.Add(new HistoryEntry(Time.GetUtcNow(), by, "unshelved", $"{kind} at {gateId}"));
        await AnnounceShelvedAsync(gateId, kind, $"unshelved by {by}");
        await state.WriteStateAsync();
        ArmShelfExpiry();
        return true;
    }

    public Task<IReadOnlyList<Shelf>> ListShelvesAsync()
    {
        var now = Time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Shelf>>([.. Index.Shelves.Where(s => s.Until > now)]);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetChecklistsAsync()
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>(Checklists.Defaults, StringComparer.Ordinal);
        foreach (var (kind, steps) in Index.Checklists)
            merged[kind] = steps;
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(merged);
    }

    public async Task SetChecklistAsync(string kind, IReadOnlyList<string> steps)
    {
        Index.Checklists[kind] = [.. steps];
        await state.WriteStateAsync();
    }

    public async Task<ResponseStats> StatsAsync(DateTimeOffset from, DateTimeOffset to) =>
        ResponseStatistics.Compute(SiteId, await ArchiveMonth.ReadAsync(GrainFactory, SiteId, from, to), from, to);

    public Task WakeAsync() => Task.WhenAll(Index.Open.Values.Distinct().Select(id => Situation(id).WakeAsync()));

    /// <summary>A new situation id, reserved durably before the situation exists, so no id is ever given twice.</summary>
    private async Task<string> ReserveIdAsync()
    {
        if (nextNumber > Index.LastNumber)
        {
            Index.LastNumber = nextNumber + NumberBlock - 1;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                Index.LastNumber = nextNumber - 1;
                throw;
            }
        }
        return $"{SiteId}.{nextNumber++}";
    }

    public Task SiteChangedAsync(SiteConfig config)
    {
        sla = config.Sla;
        return Task.CompletedTask;
    }

    private ISituationGrain Situation(string id) => GrainFactory.GetGrain<ISituationGrain>(id);

    private async Task<ChangeResult> ChangeAsync(string id, Func<ISituationGrain, Task<ChangeResult>> change) =>
        id.StartsWith(SiteId + ".", StringComparison.Ordinal)
            ? await change(Situation(id))
            : ChangeResult.Refused($"There is no situation {id} at site {SiteId}.");

    private void Forget(string id)
    {
        foreach (var key in Index.Open.Where(pair => pair.Value == id).Select(pair => pair.Key).ToList())
            Index.Open.Remove(key);
        Index.ShelvedOpen.RemoveAll(s => s.Id == id);
        foreach (var members in Index.Groups.Values)
            members.Remove(id);
    }

    private async Task<string> FloodSummaryAsync(DateTimeOffset now)
    {
        var key = SiteSituationsState.Key(SituationKinds.FloodSummary, FloodControl.SummarySubject);
        if (Index.Open.TryGetValue(key, out var summaryId))
            return summaryId;
        summaryId = await ReserveIdAsync();
        await Situation(summaryId).OpenAsync(new OpenSituation
        {
            SiteId = SiteId,
            Request = FloodControl.Summary(0, now),
            Checklist = ChecklistOf(SituationKinds.FloodSummary),
            SlaSeconds = await SlaSecondsAsync(Severity.Minor),
        });
        Index.Open[key] = summaryId;
        Index.Groups[summaryId] = [];
        CountRaised(SituationKinds.FloodSummary, Severity.Minor);
        return summaryId;
    }

    /// <summary>For <c>ops_situations_raised_total</c>: one-way, and raises are few (flood control groups the many).</summary>
    private void CountRaised(string kind, string severity) =>
        _ = GrainFactory.GetGrain<IHubCountersGrain>(0).AddAsync(new HubCounts
        {
            SituationsRaised = new Dictionary<RaisedKind, long> { [new RaisedKind(kind, severity)] = 1 },
        });

    private IReadOnlyList<string> ChecklistOf(string kind) =>
        Index.Checklists.TryGetValue(kind, out var own) ? own
        : Checklists.Defaults.TryGetValue(kind, out var standard) ? standard
        : [];

    private async Task<int> SlaSecondsAsync(string severity)
    {
        sla ??= (await GrainFactory.GetGrain<ISiteGrain>(SiteId).GetConfigAsync())?.Sla ?? new SlaConfig();
        return severity switch
        {
            Severity.Critical => sla.CriticalSeconds,
            Severity.Major => sla.MajorSeconds,
            Severity.Minor => sla.MinorSeconds,
            _ => 0,
        };
    }


    private async Task AnnounceShelvedAsync(string gateId, string kind, string why)
    {
        foreach (var shelved in Index.ShelvedOpen.Where(s => s.GateId == gateId && s.Kind == kind).ToList())
        {
            await Situation(shelved.Id).UnshelveAsync(why);
            Index.ShelvedOpen.Remove(shelved);
        }
    }

    private void ArmShelfExpiry() =>
        ArmDeadline(Index.Shelves.Count == 0 ? null : Index.Shelves.Min(s => s.Until), ExpireShelvesAsync);

    private async Task ExpireShelvesAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        foreach (var shelf in Index.Shelves.Where(s => s.Until <= now).ToList())
        {
            Index.Shelves.Remove(shelf);
            Index.ShelfLog.Add(new HistoryEntry(now, SituationLifecycle.System, "unshelved", $"{shelf.Kind} at {shelf.GateId}: the shelf ended"));
            await AnnounceShelvedAsync(shelf.GateId, shelf.Kind, "the shelf ended");
        }
        await state.WriteStateAsync();
        ArmShelfExpiry();
    }

    private static int Rank(string severity) => severity switch
    {
        Severity.Critical => 0,
        Severity.Major => 1,
        Severity.Minor => 2,
        _ => 3,
    };
}
