using Ops.Contracts;
using Ops.Contracts.Gates;
using Ops.Contracts.Parking;
using Ops.Contracts.Situations;
using Ops.Contracts.Sites;
using Ops.Silo.Storage;

namespace Ops.Silo.Parking;

public sealed class VehicleGrain(
    [PersistentState("vehicle", GrainStorage.Name)] IPersistentState<VehicleState> state) : Grain, IVehicleGrain
{
    private string SiteId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().IndexOf('/')];

    private string Plate => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().IndexOf('/') + 1)..];

    private VehicleState Vehicle => state.State;

    public async Task<VehicleView> SetPassAsync(VehiclePass pass)
    {
        Vehicle.Pass = pass;
        await state.WriteStateAsync();
        return View();
    }

    public Task<VehicleView> GetAsync() => Task.FromResult(View());

    public Task<PlateDecision> ReadAsync(PlateRead read) =>
        read.Direction == Direction.In ? EnterAsync(read) : LeaveAsync(read);

    public async Task<PlateDecision> PayAsync(PlateRead payment)
    {
        if (Vehicle.Current is not { IsTemporary: true } stay)
            return Decision(GateActions.Display, null, payment, PassStanding.Of(Vehicle.Pass, LocalDate(payment)), exit: true);
        stay = stay with { PaidCents = stay.PaidCents + payment.AmountCents, PaidAt = payment.At };
        Vehicle.Current = stay;
        var fee = ParkingFee.Cents(payment.Site.Parking.Fee, stay.EntryAt, payment.At);
        var due = Math.Max(0, fee - stay.PaidCents);
        if (Vehicle.WaitingAtGate == payment.GateId && due == 0)
        {
            Vehicle.Close(stay with { ExitAt = payment.At, ExitGateId = payment.GateId, ExitReason = Reasons.GrantedPaid, FeeCents = fee });
            await state.WriteStateAsync();
            await Lot.ReleaseAsync(Plate);
            return Decision(GateActions.Open, Reasons.GrantedPaid, payment, PassStanding.Of(Vehicle.Pass, LocalDate(payment)), exit: true, feeCents: stay.PaidCents);
        }
        await state.WriteStateAsync();
        var standing = PassStanding.Of(Vehicle.Pass, LocalDate(payment));
        return due > 0
            ? Decision(GateActions.Deny, Reasons.DeniedUnpaid, payment, standing, exit: true, feeCents: due, minutes: ParkingFee.Minutes(stay.EntryAt, payment.At))
            : Decision(GateActions.Display, Reasons.GrantedPaid, payment, standing, exit: true, feeCents: stay.PaidCents);
    }

    private async Task<PlateDecision> EnterAsync(PlateRead read)
    {
        var standing = PassStanding.Of(Vehicle.Pass, LocalDate(read));
        // A read from before the last exit is a gate's late buffer: it is history, not a new stay.
        var late = Vehicle.LastExitAt is { } lastExit && read.At <= lastExit;
        var inside = Vehicle.Current is { } open && open.EntryAt < read.At;
        var parking = read.Site.Parking;
        var reason = await EntryRule.DecideAsync(standing, inside && !late, parking.AllowTemporary,
            () => late ? Task.FromResult(true) : Lot.TryAdmitAsync(Plate, parking.Capacity));

        if (reason == Reasons.DeniedAlreadyInside)
            await RaiseAsync(read, SituationKinds.AntiPassback, Severity.Minor, $"{Plate} entered again without leaving",
                $"inside since {Vehicle.Current!.EntryAt:O} (gate {Vehicle.Current.EntryGateId})");
        else if (reason.StartsWith("granted.", StringComparison.Ordinal) && !late)
        {
            // A whitelisted car may enter again while inside: its stay starts anew.
            if (Vehicle.Current is { IsTemporary: true } && reason != Reasons.GrantedTemporary)
                await Lot.ReleaseAsync(Plate);
            Vehicle.Current = new Stay { EntryAt = read.At, EntryGateId = read.GateId, EntryReason = reason };
            Vehicle.WaitingAtGate = null;
            await state.WriteStateAsync();
        }
        var action = reason.StartsWith("granted.", StringComparison.Ordinal) ? GateActions.Open : GateActions.Deny;
        return Decision(action, reason, read, standing, exit: false);
    }

    private async Task<PlateDecision> LeaveAsync(PlateRead read)
    {
        var standing = PassStanding.Of(Vehicle.Pass, LocalDate(read));
        var stay = Vehicle.Current is { } open && open.EntryAt <= read.At ? open : null;
        var fee = stay is { IsTemporary: true } ? ParkingFee.Cents(read.Site.Parking.Fee, stay.EntryAt, read.At) : 0;
        var verdict = ExitRule.Decide(standing, stay, fee, read.At, TimeSpan.FromMinutes(read.Site.Parking.PaidGraceMinutes));
        var minutes = stay is null ? (long?)null : ParkingFee.Minutes(stay.EntryAt, read.At);

        if (verdict.Reason == Reasons.DeniedNoEntryRecord)
        {
            await RaiseAsync(read, SituationKinds.NoEntryRecord, Severity.Major, $"{Plate} is leaving with no entry record", null);
        }
        else if (verdict.Action == GateActions.Open && stay is not null)
        {
            Vehicle.Close(stay with { ExitAt = read.At, ExitGateId = read.GateId, ExitReason = verdict.Reason, FeeCents = fee });
            await state.WriteStateAsync();
            if (stay.IsTemporary)
                await Lot.ReleaseAsync(Plate);
        }
        else if (verdict.Reason == Reasons.DeniedUnpaid)
        {
            Vehicle.WaitingAtGate = read.GateId;
            await state.WriteStateAsync();
        }
        return Decision(verdict.Action, verdict.Reason, read, standing, exit: true, feeCents: verdict.FeeDueCents, minutes: minutes);
    }

    private IParkingLotGrain Lot => GrainFactory.Reference<IParkingLotGrain>(SiteId);

    private Task RaiseAsync(PlateRead read, string kind, string severity, string title, string? detail) =>
        GrainFactory.GetGrain<ISiteSituationsGrain>(SiteId).RaiseAsync(new RaiseRequest
        {
            Kind = kind,
            Severity = severity,
            Subject = $"plate:{Plate}",
            Title = title,
            Detail = detail,
            GateId = read.GateId,
            At = read.At,
        });

    private PlateDecision Decision(string action, string? reason, PlateRead read, PassStanding standing, bool exit, long? feeCents = null, long? minutes = null)
    {
        var (display, voice) = reason is null
            ? ([Plate], "")
            : ParkingTexts.For(new ParkingTexts.Facts(Plate, reason, standing, read.Site.Parking.Fee, exit, feeCents, minutes), read.Site.Language);
        return new PlateDecision
        {
            Action = action,
            Reason = reason,
            Display = display,
            Voice = voice,
            FeeCents = feeCents,
            ResidentId = Vehicle.Pass?.ResidentId,
        };
    }

    private static DateOnly LocalDate(PlateRead read) => SiteClock.LocalDate(read.Site, read.At);

    private VehicleView View() => new()
    {
        SiteId = SiteId,
        Plate = Plate,
        Pass = Vehicle.Pass,
        Inside = Vehicle.Current is not null,
        CurrentStay = Vehicle.Current,
        RecentStays = [.. Vehicle.Recent],
    };
}
