namespace Ops.Contracts.Situations;

/// <summary>Situation kinds the hub raises (docs/gate-protocol.md and the README), and their severities.</summary>
public static class SituationKinds
{
    public const string DoorForced = "door-forced";
    public const string DoorHeld = "door-held";
    public const string Tamper = "tamper";
    public const string GateFault = "gate-fault";
    public const string GateOffline = "gate-offline";
    public const string FloodSummary = "flood-summary";
    public const string AntiPassback = "anti-passback";
    public const string NoEntryRecord = "no-entry-record";
    public const string Assist = "assist";
    public const string Birthday = "birthday";
    public const string WelcomeBack = "welcome-back";
    public const string ChildAlone = "child-alone";
    public const string WelfareCheck = "welfare-check";
    public const string CardHelp = "card-help";
    public const string IncidentCare = "incident-care";
    public const string Request = "request";

    /// <summary>The one subject all situations of a kind share where the subject is the gate.</summary>
    public static string GateSubject(string gateId) => $"gate:{gateId}";
}
