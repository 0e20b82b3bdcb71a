using Ops.Contracts.Gates;
using Ops.Contracts.Parking;
using Ops.Silo.Parking;

namespace Ops.Silo.Tests.Parking;

public sealed class EntryAndExitRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    private static PassStanding Pass(string? kind, string? validUntil = null) =>
        PassStanding.Of(kind is null ? null : new VehiclePass { Kind = kind, ValidUntil = validUntil }, Today);

    private static Task<string> Enter(PassStanding standing, bool inside = false, bool allowTemporary = true, bool room = true) =>
        EntryRule.DecideAsync(standing, inside, allowTemporary, () => Task.FromResult(room));

    [Fact]
    public async Task Entry_rules_apply_in_the_contract_order()
    {
        Assert.Equal(Reasons.DeniedBlacklist, await Enter(Pass(PassKinds.Blacklist), inside: true, room: false));
        Assert.Equal(Reasons.GrantedWhitelist, await Enter(Pass(PassKinds.Whitelist), inside: true, allowTemporary: false));
        Assert.Equal(Reasons.DeniedAlreadyInside, await Enter(Pass(PassKinds.Owned), inside: true));
        Assert.Equal(Reasons.DeniedAlreadyInside, await Enter(Pass(null), inside: true));
        Assert.Equal(Reasons.GrantedOwned, await Enter(Pass(PassKinds.Owned), allowTemporary: false, room: false));
        Assert.Equal(Reasons.GrantedMonthly, await Enter(Pass(PassKinds.Monthly, "2026-11-27"), allowTemporary: false, room: false));
        Assert.Equal(Reasons.DeniedNoTemporary, await Enter(Pass(PassKinds.Monthly, "2026-11-26"), allowTemporary: false));
        Assert.Equal(Reasons.DeniedFull, await Enter(Pass(null), room: false));
        Assert.Equal(Reasons.GrantedTemporary, await Enter(Pass(null)));
    }

    [Fact]
    public async Task Capacity_is_asked_only_for_a_temporary_car()
    {
        var asked = 0;
        await EntryRule.DecideAsync(Pass(PassKinds.Owned), false, true, () => { asked++; return Task.FromResult(true); });
        await EntryRule.DecideAsync(Pass(null), false, false, () => { asked++; return Task.FromResult(true); });
        Assert.Equal(0, asked);
    }

    [Theory]
    [InlineData("2026-11-27", true, 0, true)]
    [InlineData("2026-12-04", true, 7, true)]
    [InlineData("2026-12-05", true, 8, false)]
    [InlineData("2026-11-26", false, -1, false)]
    public void A_monthly_pass_is_valid_through_its_last_day_and_reminds_within_seven_days(string validUntil, bool valid, int daysLeft, bool remind)
    {
        var standing = Pass(PassKinds.Monthly, validUntil);
        Assert.Equal(valid, standing.MonthlyValid);
        Assert.Equal(!valid, standing.MonthlyExpired);
        Assert.Equal(daysLeft, standing.DaysLeft);
        Assert.Equal(remind, standing.RemindRenewal);
    }

    private static Stay Stay(long paidCents = 0, DateTimeOffset? paidAt = null) => new()
    {
        EntryAt = Now.AddHours(-2), EntryGateId = "in", EntryReason = Reasons.GrantedTemporary, PaidCents = paidCents, PaidAt = paidAt,
    };

    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);

    [Theory]
    [InlineData(PassKinds.Whitelist, Reasons.GrantedWhitelist)]
    [InlineData(PassKinds.Owned, Reasons.GrantedOwned)]
    [InlineData(PassKinds.Blacklist, Reasons.DeniedBlacklist)]
    public void Pass_holders_leave_with_their_pass_even_without_an_entry_record(string kind, string reason)
    {
        var verdict = ExitRule.Decide(Pass(kind), null, 0, Now, Grace);
        Assert.Equal((GateActions.Open, reason), (verdict.Action, verdict.Reason));
    }

    [Fact]
    public void A_temporary_car_leaves_free_paid_or_not_until_it_pays()
    {
        Assert.Equal(Reasons.DeniedNoEntryRecord, ExitRule.Decide(Pass(null), null, 0, Now, Grace).Reason);
        Assert.Equal(Reasons.DeniedNoEntryRecord, ExitRule.Decide(Pass(PassKinds.Monthly, "2026-01-01"), null, 0, Now, Grace).Reason);
        Assert.Equal(Reasons.GrantedFree, ExitRule.Decide(Pass(null), Stay(), 0, Now, Grace).Reason);

        var unpaid = ExitRule.Decide(Pass(null), Stay(), 900, Now, Grace);
        Assert.Equal((GateActions.Deny, Reasons.DeniedUnpaid, 900L), (unpaid.Action, unpaid.Reason, unpaid.FeeDueCents));

        Assert.Equal(Reasons.GrantedPaid, ExitRule.Decide(Pass(null), Stay(700, Now.AddMinutes(-15)), 900, Now, Grace).Reason);
        var lapsed = ExitRule.Decide(Pass(null), Stay(700, Now.AddMinutes(-16)), 900, Now, Grace);
        Assert.Equal((Reasons.DeniedUnpaid, 200L), (lapsed.Reason, lapsed.FeeDueCents));
        Assert.Equal(Reasons.GrantedPaid, ExitRule.Decide(Pass(null), Stay(900, Now.AddHours(-1)), 900, Now, Grace).Reason);
    }

    [Fact]
    public void Entry_texts_show_the_fee_standard_and_an_expired_pass()
    {
        var facts = new ParkingTexts.Facts("粤B12345", Reasons.GrantedTemporary, Pass(PassKinds.Monthly, "2026-11-01"), new(), Exit: false);
        var (display, voice) = ParkingTexts.For(facts, "en");
        Assert.Equal(["粤B12345", "Monthly pass expired 2026-11-01", "First 60 min 5.00", "Then 2.00 per 30 min"], display);
        Assert.Contains("5.00", voice);
        var (chinese, _) = ParkingTexts.For(facts with { Standing = Pass(null) }, "zh-CN");
        Assert.Equal(["粤B12345", "欢迎光临", "首60分钟 5.00元", "之后每30分钟 2.00元"], chinese);
    }

    [Fact]
    public void Exit_texts_show_the_fee_due_and_monthly_texts_remind_renewal()
    {
        var (unpaid, _) = ParkingTexts.For(new ParkingTexts.Facts("A12345", Reasons.DeniedUnpaid, Pass(null), new(), Exit: true, FeeCents: 900, Minutes: 125), "en");
        Assert.Equal(["A12345", "Parked 2 h 05 min", "Fee due 9.00", "Please pay to exit"], unpaid);
        var (reminder, voice) = ParkingTexts.For(new ParkingTexts.Facts("A12345", Reasons.GrantedMonthly, Pass(PassKinds.Monthly, "2026-12-01"), new(), Exit: false), "en");
        Assert.Contains("Monthly pass ends 2026-12-01", reminder);
        Assert.Contains("renew", voice);
        Assert.True(reminder.Count <= ParkingTexts.MaxLines);
    }
}
