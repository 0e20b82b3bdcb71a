using System.Globalization;
using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Residents;

/// <summary>What makes a <see cref="Resident"/> valid (docs/api.md), for <c>PUT</c> and each import row
/// alike; the limits are listed in docs/limits.md.</summary>
public static class ResidentRules
{
    /// <summary>Cards of one resident: a household member carries a few, never thousands.</summary>
    public const int MaxCards = 20;

    /// <summary>Vehicle plates of one resident.</summary>
    public const int MaxPlates = 10;

    public const int MaxName = 100;
    public const int MaxUnit = 64;
    public const int MaxBuilding = 32;
    public const int MaxPhone = 32;
    public const int MaxNotes = 2000;

    public static FieldErrors Check(string residentId, Resident? resident)
    {
        var errors = new FieldErrors()
            .Check(Identifiers.IsResidentId(residentId), "residentId", "must match [A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
            .Check(resident is not null, "body", "is required");
        if (resident is null)
            return errors;
        errors.Check(string.IsNullOrEmpty(resident.ResidentId) || resident.ResidentId == residentId, "residentId", "must be the one in the address")
            .Required(resident.Name, "name", MaxName)
            .Required(resident.Unit, "unit", MaxUnit)
            .Optional(resident.Building, "building", MaxBuilding)
            .Optional(resident.Phone, "phone", MaxPhone)
            .Check(resident.Birthday is null || DateOnly.TryParseExact(resident.Birthday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "birthday", "must be a date YYYY-MM-DD")
            .Count(resident.Care, "care", CareTags.All.Count)
            .Check((resident.Care ?? []).All(tag => tag is not null && CareTags.All.Contains(tag)), "care", "must be tags from: " + string.Join(", ", CareTags.All))
            .Count(resident.Cards, "cards", MaxCards)
            .Check((resident.Cards ?? []).All(card => card is not null && Identifiers.IsCard(card)), "cards", "must be 1-32 hexadecimal characters each")
            .Count(resident.Plates, "plates", MaxPlates)
            .Check((resident.Plates ?? []).All(plate => plate is not null && Identifiers.IsPlate(plate)), "plates", "must be 2-16 letters and digits each")
            .Optional(resident.Notes, "notes", MaxNotes, multiLine: true);
        return errors;
    }

    /// <summary>The resident as stored: id from the address, lists never null, plates normalised.</summary>
    public static Resident Normalise(string residentId, Resident resident) => resident with
    {
        ResidentId = residentId,
        Name = resident.Name.Trim(),
        Unit = resident.Unit.Trim(),
        Care = [.. (resident.Care ?? []).Distinct()],
        Cards = [.. (resident.Cards ?? []).Select(Identifiers.NormaliseCard).Distinct()],
        Plates = [.. (resident.Plates ?? []).Select(Identifiers.NormalisePlate).Distinct()],
    };
}
