using System.Globalization;
using Ops.Contracts.Gates;
using Ops.Contracts.Sites;

namespace Ops.Silo.Parking;

/// <summary>What the driver reads (at most four lines) and hears at a vehicle gate, in the site's
/// language: <c>zh-CN</c>, or English for any other.</summary>
public static class ParkingTexts
{
    public const int MaxLines = 4;

    /// <summary>The facts a text may mention.</summary>
    public sealed record Facts(string Plate, string Reason, PassStanding Standing, FeeConfig Fee, bool Exit, long? FeeCents = null, long? Minutes = null);

    public static (IReadOnlyList<string> Display, string Voice) For(Facts facts, string language)
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var lines = new List<string> { facts.Plate };
        string voice;
        switch (facts.Reason)
        {
            case Reasons.GrantedTemporary:
                if (facts.Standing.MonthlyExpired)
                    lines.Add(zh ? $"月卡已于{Date(facts.Standing.ValidUntil)}过期" : $"Monthly pass expired {Date(facts.Standing.ValidUntil)}");
                else
                    lines.Add(zh ? "欢迎光临" : "Welcome");
                lines.Add(zh ? $"首{facts.Fee.FirstMinutes}分钟 {Money.Format(facts.Fee.FirstCents)}元" : $"First {facts.Fee.FirstMinutes} min {Money.Format(facts.Fee.FirstCents)}");
                lines.Add(zh ? $"之后每{facts.Fee.PeriodMinutes}分钟 {Money.Format(facts.Fee.PeriodCents)}元" : $"Then {Money.Format(facts.Fee.PeriodCents)} per {facts.Fee.PeriodMinutes} min");
                voice = zh
                    ? $"欢迎光临，首{facts.Fee.FirstMinutes}分钟{Money.Format(facts.Fee.FirstCents)}元，之后每{facts.Fee.PeriodMinutes}分钟{Money.Format(facts.Fee.PeriodCents)}元"
                    : $"Welcome. The first {facts.Fee.FirstMinutes} minutes cost {Money.Format(facts.Fee.FirstCents)}, then {Money.Format(facts.Fee.PeriodCents)} per {facts.Fee.PeriodMinutes} minutes";
                break;
            case Reasons.DeniedBlacklist when facts.Exit:
            case Reasons.GrantedMonthly or Reasons.GrantedOwned or Reasons.GrantedWhitelist when facts.Exit:
                voice = zh ? "一路顺风" : "Goodbye";
                break;
            case Reasons.GrantedMonthly when facts.Standing.RemindRenewal:
                lines.Add(zh ? $"月卡{Date(facts.Standing.ValidUntil)}到期" : $"Monthly pass ends {Date(facts.Standing.ValidUntil)}");
                lines.Add(zh ? "请及时续费" : "Please renew it");
                voice = zh ? "月卡即将到期，请及时续费" : "Your monthly pass ends soon, please renew it";
                break;
            case Reasons.GrantedMonthly:
                lines.Add(zh ? $"月卡有效期至{Date(facts.Standing.ValidUntil)}" : $"Monthly pass until {Date(facts.Standing.ValidUntil)}");
                voice = zh ? "欢迎回家" : "Welcome home";
                break;
            case Reasons.GrantedOwned or Reasons.GrantedWhitelist or Reasons.GrantedOperator:
                voice = zh ? "欢迎回家" : "Welcome home";
                break;
            case Reasons.GrantedFree:
                lines.Add(zh ? "免费通行" : "No charge");
                voice = zh ? "免费通行，一路顺风" : "No charge. Have a good trip";
                break;
            case Reasons.GrantedPaid:
                lines.Add(zh ? "已缴费，谢谢" : "Paid, thank you");
                voice = zh ? "已缴费，一路顺风" : "Paid, thank you. Have a good trip";
                break;
            case Reasons.DeniedUnpaid:
                if (facts.Minutes is { } minutes)
                    lines.Add(zh ? $"停车{Duration(minutes, true)}" : $"Parked {Duration(minutes, false)}");
                lines.Add(zh ? $"应缴 {Money.Format(facts.FeeCents ?? 0)}元" : $"Fee due {Money.Format(facts.FeeCents ?? 0)}");
                lines.Add(zh ? "请扫码缴费" : "Please pay to exit");
                voice = zh ? $"请缴费{Money.Format(facts.FeeCents ?? 0)}元" : $"Please pay {Money.Format(facts.FeeCents ?? 0)}";
                break;
            case Reasons.DeniedBlacklist:
                lines.Add(zh ? "禁止通行" : "No entry");
                voice = zh ? "禁止通行" : "No entry";
                break;
            case Reasons.DeniedAlreadyInside:
                lines.Add(zh ? "车辆已在场内" : "Already inside");
                lines.Add(zh ? "请联系值班人员" : "Please call the guard");
                voice = zh ? "车辆已在场内，请联系值班人员" : "This car is already inside, please call the guard";
                break;
            case Reasons.DeniedFull:
                lines.Add(zh ? "车位已满" : "Car park full");
                voice = zh ? "车位已满" : "The car park is full";
                break;
            case Reasons.DeniedNoTemporary:
                lines.Add(zh ? "非本小区车辆" : "Residents only");
                voice = zh ? "非本小区车辆，禁止入内" : "Residents only";
                break;
            case Reasons.DeniedNoEntryRecord:
                lines.Add(zh ? "无入场记录" : "No entry record");
                lines.Add(zh ? "请联系值班人员" : "Please call the guard");
                voice = zh ? "无入场记录，请联系值班人员" : "No entry record, please call the guard";
                break;
            default:
                voice = "";
                break;
        }
        if (facts.Exit && facts.Reason is not (Reasons.DeniedUnpaid or Reasons.DeniedNoEntryRecord))
            lines.Add(zh ? "一路顺风" : "Goodbye");
        else if (!facts.Exit && facts.Reason is Reasons.GrantedMonthly or Reasons.GrantedOwned or Reasons.GrantedWhitelist or Reasons.GrantedOperator)
            lines.Add(zh ? "欢迎回家" : "Welcome home");
        return (lines.Take(MaxLines).ToList(), voice);
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Duration(long minutes, bool zh)
    {
        var (hours, rest) = (minutes / 60, minutes % 60);
        return zh
            ? (hours > 0 ? $"{hours}小时{rest}分钟" : $"{rest}分钟")
            : (hours > 0 ? $"{hours} h {rest:00} min" : $"{rest} min");
    }
}
