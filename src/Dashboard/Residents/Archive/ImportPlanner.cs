using Ops.Contracts;
using Ops.Contracts.Residents;
using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Residents.Archive;

/// <summary>Decides, row by row and in file order, what an import does, against the site's residents as
/// they are and as the rows before change them. A row is rejected when it cannot be read, when it breaks
/// the rules of <c>PUT</c> (<see cref="ResidentRules"/>), when an earlier row has the same residentId, or
/// (both rows active) the same card or plate, and when it is active with a card or plate another active
/// resident holds. A row that matches its stored resident is unchanged. Applying the plan in order gives
/// the same answers, which is what lets <c>dryRun</c> report what an import would do.</summary>
public sealed class ImportPlanner
{
    private readonly Dictionary<string, Resident> residents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> cardHolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> plateHolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> idRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> cardRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> plateRows = new(StringComparer.Ordinal);

    private ImportPlanner(IEnumerable<Resident> stored)
    {
        foreach (var resident in stored)
        {
            residents[resident.ResidentId] = resident;
            Hold(resident);
        }
    }

    public static IReadOnlyList<RowOutcome> Plan(IEnumerable<ArchiveRow> rows, IEnumerable<Resident> stored)
    {
        var planner = new ImportPlanner(stored);
        return [.. rows.Select(planner.Decide)];
    }

    private RowOutcome Decide(ArchiveRow row)
    {
        var (read, problem) = row.Read();
        if (read is null)
            return RowOutcome.Rejected(row.Row, problem ?? "cannot be read");
        if (Repeated(row.Row, read) is { } repeated)
            return RowOutcome.Rejected(row.Row, repeated);

        var errors = ResidentRules.Check(read.ResidentId, read);
        if (errors.Any)
            return RowOutcome.Rejected(row.Row, string.Join("; ", errors.ToDictionary().Select(error => $"{error.Key}: {string.Join(", ", error.Value)}")));
        var resident = ResidentRules.Normalise(read.ResidentId, read);
        if (resident.Active && HeldByAnother(resident) is { } conflict)
            return RowOutcome.Rejected(row.Row, conflict);

        var before = residents.GetValueOrDefault(resident.ResidentId);
        if (before is not null && ResidentChanges.AreSame(before, resident))
            return new RowOutcome(row.Row, RowVerdict.Unchanged);
        if (before is not null)
            Release(before);
        residents[resident.ResidentId] = resident;
        Hold(resident);
        return new RowOutcome(row.Row, before is null ? RowVerdict.Created : RowVerdict.Updated, resident);
    }

    /// <summary>Why the row repeats an earlier row of the file, if it does; remembers what it names otherwise.</summary>
    private string? Repeated(int row, Resident read)
    {
        var cards = read.Active ? read.Cards.Select(Identifiers.NormaliseCard).Distinct().ToList() : [];
        var plates = read.Active ? read.Plates.Select(Identifiers.NormalisePlate).Distinct().ToList() : [];
        if (idRows.TryGetValue(read.ResidentId, out var idRow))
            return $"residentId {TextRules.Quote(read.ResidentId)} is also on row {idRow}";
        foreach (var card in cards)
        {
            if (cardRows.TryGetValue(card, out var cardRow))
                return $"card ending {Identifiers.CardTail(card)} is also on row {cardRow}";
        }
        foreach (var plate in plates)
        {
            if (plateRows.TryGetValue(plate, out var plateRow))
                return $"plate {(plate.Length <= TextRules.QuotedPrefix ? plate : TextRules.Quote(plate))} is also on row {plateRow}";
        }
        idRows[read.ResidentId] = row;
        cards.ForEach(card => cardRows[card] = row);
        plates.ForEach(plate => plateRows[plate] = row);
        return null;
    }

    private string? HeldByAnother(Resident resident)
    {
        foreach (var card in resident.Cards)
        {
            if (cardHolders.TryGetValue(card, out var holder) && holder != resident.ResidentId)
                return ResidentConflict.Card(card, holder);
        }
        foreach (var plate in resident.Plates)
        {
            if (plateHolders.TryGetValue(plate, out var holder) && holder != resident.ResidentId)
                return ResidentConflict.Plate(plate, holder);
        }
        return null;
    }

    private void Hold(Resident resident)
    {
        if (!resident.Active)
            return;
        foreach (var card in resident.Cards)
            cardHolders.TryAdd(card, resident.ResidentId);
        foreach (var plate in resident.Plates)
            plateHolders.TryAdd(plate, resident.ResidentId);
    }

    private void Release(Resident resident)
    {
        foreach (var card in resident.Cards)
        {
            if (cardHolders.GetValueOrDefault(card) == resident.ResidentId)
                cardHolders.Remove(card);
        }
        foreach (var plate in resident.Plates)
        {
            if (plateHolders.GetValueOrDefault(plate) == resident.ResidentId)
                plateHolders.Remove(plate);
        }
    }
}
