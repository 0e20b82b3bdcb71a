using CsCheck;
using Ops.Contracts.Sites;
using Ops.Silo.Parking;

namespace Ops.Silo.Tests.Parking;

public sealed class ParkingFeeTests
{
    // The contract's defaults: 15 free minutes, 5.00 for the first 60 minutes, 2.00 per 30 minutes after, 30.00 a day at most.
    private static readonly FeeConfig Standard = new();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 0)]
    [InlineData(15, 0)]          // free minutes, inclusive
    [InlineData(16, 500)]        // the first period starts
    [InlineData(60, 500)]        // the whole first period
    [InlineData(61, 700)]        // one minute into the next period
    [InlineData(90, 700)]
    [InlineData(91, 900)]
    [InlineData(125, 1100)]      // 2 h 05 min
    [InlineData(600, 3000)]      // 10 h: 5.00 + 18 x 2.00 = 41.00, capped at 30.00
    [InlineData(1439, 3000)]
    [InlineData(1440, 3000)]     // exactly 24 h: one day, nothing more
    [InlineData(1441, 3500)]     // 24 h + 1 min: a day, then a new first period
    [InlineData(1455, 3500)]     // the free minutes count once per stay, not per day
    [InlineData(2 * 1440 + 90, 6700)]
    [InlineData(3 * 1440, 9000)]
    public void The_fee_follows_the_contract_formula(long minutes, long cents) =>
        Assert.Equal(cents, ParkingFee.Cents(Standard, minutes));

    [Fact]
    public void A_stay_is_rounded_up_to_a_whole_minute()
    {
        var entry = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(60, ParkingFee.Minutes(entry, entry.AddMinutes(60)));
        Assert.Equal(61, ParkingFee.Minutes(entry, entry.AddMinutes(60).AddSeconds(1)));
        Assert.Equal(0, ParkingFee.Minutes(entry, entry.AddMinutes(-5)));
        Assert.Equal(700, ParkingFee.Cents(Standard, entry, entry.AddMinutes(60).AddTicks(1)));
    }

    [Fact]
    public void Other_settings_change_the_fee_as_the_formula_says()
    {
        var fee = new FeeConfig { FreeMinutes = 0, FirstMinutes = 30, FirstCents = 300, PeriodMinutes = 60, PeriodCents = 100, DailyCapCents = 1000 };
        Assert.Equal(300, ParkingFee.Cents(fee, 1));
        Assert.Equal(400, ParkingFee.Cents(fee, 31));
        Assert.Equal(400, ParkingFee.Cents(fee, 90));
        Assert.Equal(500, ParkingFee.Cents(fee, 91));
        Assert.Equal(1000, ParkingFee.Cents(fee, 1439));
    }

    private static readonly Gen<FeeConfig> Fees =
        Gen.Select(Gen.Int[0, 240], Gen.Int[0, 240], Gen.Int[0, 10_000], Gen.Int[1, 240], Gen.Int[0, 5_000], Gen.Int[0, 50_000],
            (free, first, firstCents, period, periodCents, cap) => new FeeConfig
            {
                FreeMinutes = free, FirstMinutes = first, FirstCents = firstCents,
                PeriodMinutes = period, PeriodCents = periodCents, DailyCapCents = cap,
            });

    private static readonly Gen<long> Durations = Gen.Long[0, 20 * 1440];

    [Fact]
    public void The_fee_is_never_negative() =>
        Gen.Select(Fees, Durations).Sample((fee, minutes) => Assert.True(ParkingFee.Cents(fee, minutes) >= 0));

    [Fact]
    public void The_fee_never_falls_as_a_stay_grows() =>
        Gen.Select(Fees, Durations, Gen.Long[0, 3 * 1440]).Sample((fee, minutes, more) =>
            Assert.True(ParkingFee.Cents(fee, minutes) <= ParkingFee.Cents(fee, minutes + more)));

    [Fact]
    public void The_fee_is_never_above_the_cap_of_each_day_begun() =>
        Gen.Select(Fees, Durations).Sample((fee, minutes) =>
            Assert.True(ParkingFee.Cents(fee, minutes) <= minutes / ParkingFee.MinutesPerDay * fee.DailyCapCents + fee.DailyCapCents));
}
