using Ops.Contracts.Situations;

namespace Ops.Silo.Situations;

/// <summary>The standard operating procedure of each kind, used unless a site sets its own
/// (<c>PUT /api/sites/{siteId}/checklists/{kind}</c>).</summary>
public static class Checklists
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Defaults = new Dictionary<string, IReadOnlyList<string>>
    {
        [SituationKinds.DoorForced] = ["Look at the camera of the door", "Send the nearest guard", "Confirm the door is closed"],
        [SituationKinds.DoorHeld] = ["Look at the camera of the door", "Ask whoever holds it to let it close", "Confirm the door is closed"],
        [SituationKinds.Tamper] = ["Look at the camera of the gate", "Send a guard to inspect the device", "Call maintenance if damaged"],
        [SituationKinds.GateFault] = ["Check the fault code in the detail", "Call maintenance", "Confirm the gate works again"],
        [SituationKinds.GateOffline] = ["Check the gate's power and network", "Send a guard to the gate if it stays offline", "Confirm the gate is back online"],
        [SituationKinds.FloodSummary] = ["Look for a common cause (power, network, a faulty device)", "Handle the grouped situations"],
    };
}
