using Ops.Contracts;
using Ops.Contracts.Residents;

namespace Ops.Dashboard.Residents;

/// <summary>How a card or plate that another active resident holds is explained: in a 409's detail and
/// in an import's rejected rows. A card shows only its last four characters.</summary>
public static class ResidentConflict
{
    public static string Card(string card, string holder) =>
        $"Card ending {Identifiers.CardTail(card)} belongs to active resident '{holder}'";

    public static string Plate(string plate, string holder) =>
        $"Plate {plate} belongs to active resident '{holder}'";

    public static string Describe(ResidentSaved saved) => saved.ConflictingPlate is { } plate
        ? Plate(plate, saved.ConflictingResidentId ?? "")
        : Card(saved.ConflictingCard ?? "", saved.ConflictingResidentId ?? "");
}
