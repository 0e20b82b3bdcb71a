using Ops.Contracts;
using Ops.Contracts.Sites;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Sites;

/// <summary>What makes a <see cref="SiteConfig"/> valid.</summary>
public static class SiteConfigRules
{
    public static FieldErrors Check(string siteId, SiteConfig? config)
    {
        var errors = new FieldErrors()
            .Check(Identifiers.IsSiteId(siteId), "siteId", "must match [a-z0-9][a-z0-9-]{0,31}")
            .Check(config is not null, "body", "is required");
        if (config is null)
            return errors;
        errors.Optional(config.Name, "name", 100)
            .Check(config.TimeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(config.TimeZone, out _), "timeZone", "must be an IANA time zone such as Asia/Shanghai")
            .Check(config.Language is "zh-CN" or "en", "language", "must be zh-CN or en");
        if (config.Parking is not { Fee: not null } parking)
        {
            errors.Add("parking", "must be an object with a fee");
        }
        else
        {
            errors.Check(parking.Capacity >= 0, "parking.capacity", "must be 0 or more")
                .Check(parking.PaidGraceMinutes >= 0, "parking.paidGraceMinutes", "must be 0 or more")
                .Check(parking.Fee.FreeMinutes >= 0, "parking.fee.freeMinutes", "must be 0 or more")
                .Check(parking.Fee.FirstMinutes >= 0, "parking.fee.firstMinutes", "must be 0 or more")
                .Check(parking.Fee.FirstCents >= 0, "parking.fee.firstCents", "must be 0 or more")
                .Check(parking.Fee.PeriodMinutes > 0, "parking.fee.periodMinutes", "must be more than 0")
                .Check(parking.Fee.PeriodCents >= 0, "parking.fee.periodCents", "must be 0 or more")
                .Check(parking.Fee.DailyCapCents >= 0, "parking.fee.dailyCapCents", "must be 0 or more");
        }
        if (config.Sla is not { } sla)
            errors.Add("sla", "must be an object");
        else
            errors.Check(sla.CriticalSeconds > 0, "sla.criticalSeconds", "must be more than 0")
                .Check(sla.MajorSeconds > 0, "sla.majorSeconds", "must be more than 0")
                .Check(sla.MinorSeconds > 0, "sla.minorSeconds", "must be more than 0");
        if (config.Care is not { } care)
            errors.Add("care", "must be an object");
        else
            errors.Check(care.WelfareCheckSeconds > 0, "care.welfareCheckSeconds", "must be more than 0")
                .Check(care.WelcomeBackDays > 0, "care.welcomeBackDays", "must be more than 0")
                .Check(care.ChildEscortSeconds > 0, "care.childEscortSeconds", "must be more than 0")
                .Check(care.CardHelpDenials > 0, "care.cardHelpDenials", "must be more than 0")
                .Check(care.CardHelpWindowSeconds > 0, "care.cardHelpWindowSeconds", "must be more than 0");
        errors.Check(config.Pedestrian is not null, "pedestrian", "must be an object");
        return errors;
    }
}
