namespace Ops.Contracts.Gates;

/// <summary>The event types of docs/gate-protocol.md.</summary>
public static class EventTypes
{
    public const string CardSwiped = "card.swiped";
    public const string PlateRead = "plate.read";
    public const string PaymentCompleted = "payment.completed";
    public const string DoorOpened = "door.opened";
    public const string DoorClosed = "door.closed";
    public const string DoorForced = "door.forced";
    public const string DoorHeld = "door.held";
    public const string Tamper = "tamper";
    public const string Fault = "fault";
    public const string BarrierOpened = "barrier.opened";
    public const string BarrierClosed = "barrier.closed";
    public const string CommandResult = "command.result";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CardSwiped, PlateRead, PaymentCompleted, DoorOpened, DoorClosed, DoorForced,
        DoorHeld, Tamper, Fault, BarrierOpened, BarrierClosed, CommandResult,
    };
}
