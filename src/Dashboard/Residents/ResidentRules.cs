using System.Globalization;
using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Residents;

/// <summary>What makes a <see cref="Resident"/> valid (CONTRACT §1, §2).</summary>
public static class ResidentRules
{
    public static FieldErrors Check(string residentId, Resident? resident)
    {
        var errors = new FieldErrors()
            .Check(Identifiers.IsResidentId(residentId), "residentId", "must match [A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
            .Check(resident is not null, "body", "is required");
        if (resident is null)
            return errors;
        errors.Check(string.IsNullOrEmpty(resident.ResidentId) || resident.ResidentId == residentId, "residentId", "must be the one in the address")
            .Check(resident.Name is { Length: > 0 and <= 100 } && !string.IsNullOrWhiteSpace(resident.Name), "name", "is required (at most 100 characters)")
            .Check(resident.Unit is { Length: > 0 and <= 64 } && !string.IsNullOrWhiteSpace(resident.Unit), "unit", "is required (at most 64 characters)")
            .Check(resident.Building is null || resident.Building.Length <= 32, "building", "must have at most 32 characters")
            .Check(resident.Phone is null || resident.Phone.Length <= 32, "phone", "must have at most 32 characters")
            .Check(resident.Birthday is null || DateOnly.TryParseExact(resident.Birthday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "birthday", "must be a date YYYY-MM-DD")
            .Check((resident.Care ?? []).All(CareTags.All.Contains), "care", "must be tags from: " + string.Join(", ", CareTags.All))
            .Check((resident.Cards ?? []).All(Identifiers.IsCard), "cards", "must be 1-32 hexadecimal characters each")
            .Check((resident.Plates ?? []).All(Identifiers.IsPlate), "plates", "must be 2-16 letters and digits each")
            .Check(resident.Notes is null || resident.Notes.Length <= 2000, "notes", "must have at most 2000 characters");
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
