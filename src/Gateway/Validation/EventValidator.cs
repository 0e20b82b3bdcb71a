using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ops.Contracts;
using Ops.Contracts.Gates;

namespace Ops.Gateway.Validation;

/// <summary>Checks a gate's payloads against docs/gate-protocol.md before anything acts on them.</summary>
public static partial class EventValidator
{
    public const int MaxPayloadBytes = 16 * 1024;
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(300);

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    public static Validated<GateEvent> ValidateEvent(ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (payload.Length > MaxPayloadBytes)
            return new Reject(null, RejectReasons.TooLarge, $"payload is {payload.Length} bytes; the limit is {MaxPayloadBytes}");
        if (!TryParseObject(payload, out var document, out var jsonError))
            return new Reject(null, RejectReasons.InvalidJson, jsonError);
        using (document)
        {
            var fields = new Fields(document!.RootElement);
            var eventId = fields.String("eventId");
            if (eventId is null || eventId.Length is < 1 or > 64)
                return fields.Invalid(null, "eventId", "a string of 1-64 characters");
            var type = fields.String("type");
            if (type is null)
                return fields.Invalid(eventId, "type", "a string naming the event type");
            if (!EventTypes.All.Contains(type))
                return new Reject(eventId, RejectReasons.UnknownType, $"'{Truncate(type)}' is not an event type of this hub");
            if (!TryTime(fields, "at", out var at))
                return fields.Invalid(eventId, "at", "an RFC 3339 time with an offset");
            if (at - now > MaxClockSkew)
                return new Reject(eventId, RejectReasons.ClockSkew, $"'at' is {(at - now).TotalSeconds:0} s ahead of the hub's clock; at most {MaxClockSkew.TotalSeconds:0} s are allowed");

            var gateEvent = new GateEvent { EventId = eventId, Type = type, At = at };
            return type switch
            {
                EventTypes.CardSwiped => CardSwiped(fields, gateEvent),
                EventTypes.PlateRead => PlateRead(fields, gateEvent),
                EventTypes.PaymentCompleted => PaymentCompleted(fields, gateEvent),
                EventTypes.DoorHeld => DoorHeld(fields, gateEvent),
                EventTypes.Tamper => WithDetail(fields, gateEvent),
                EventTypes.Fault => Fault(fields, gateEvent),
                EventTypes.CommandResult => CommandResult(fields, gateEvent),
                _ => gateEvent,
            };
        }
    }

    public static Validated<GateStatus> ValidateStatus(ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (payload.Length > MaxPayloadBytes)
            return new Reject(null, RejectReasons.TooLarge, $"payload is {payload.Length} bytes; the limit is {MaxPayloadBytes}");
        if (!TryParseObject(payload, out var document, out var jsonError))
            return new Reject(null, RejectReasons.InvalidJson, jsonError);
        using (document)
        {
            var fields = new Fields(document!.RootElement);
            if (fields.Bool("online") is not { } online)
                return fields.Invalid(null, "online", "true or false");
            DateTimeOffset? at = null;
            if (fields.Has("at"))
            {
                if (!TryTime(fields, "at", out var parsed))
                    return fields.Invalid(null, "at", "an RFC 3339 time with an offset");
                if (parsed - now > MaxClockSkew)
                    return new Reject(null, RejectReasons.ClockSkew, $"'at' is {(parsed - now).TotalSeconds:0} s ahead of the hub's clock");
                at = parsed;
            }
            if (fields.Has("firmware") && fields.String("firmware") is null)
                return fields.Invalid(null, "firmware", "a string");
            return new GateStatus { Online = online, At = at, Firmware = fields.String("firmware") };
        }
    }

    private static Validated<GateEvent> CardSwiped(Fields fields, GateEvent gateEvent)
    {
        var card = fields.String("card");
        if (!Identifiers.IsCard(card))
            return fields.Invalid(gateEvent.EventId, "card", "1-32 hexadecimal characters");
        var direction = fields.String("direction");
        if (!Direction.IsPassage(direction))
            return fields.Invalid(gateEvent.EventId, "direction", "\"in\" or \"out\"");
        return gateEvent with { Card = Identifiers.NormaliseCard(card!), Direction = direction };
    }

    private static Validated<GateEvent> PlateRead(Fields fields, GateEvent gateEvent)
    {
        if (!TryPlate(fields, out var plate))
            return fields.Invalid(gateEvent.EventId, "plate", "2-16 letters and digits");
        var direction = fields.String("direction");
        if (!Direction.IsPassage(direction))
            return fields.Invalid(gateEvent.EventId, "direction", "\"in\" or \"out\"");
        int? confidence = null;
        if (fields.Has("confidence"))
        {
            if (fields.Int("confidence") is not (>= 0 and <= 100))
                return fields.Invalid(gateEvent.EventId, "confidence", "an integer from 0 to 100");
            confidence = fields.Int("confidence");
        }
        return gateEvent with { Plate = plate, Direction = direction, Confidence = confidence };
    }

    private static Validated<GateEvent> PaymentCompleted(Fields fields, GateEvent gateEvent)
    {
        if (!TryPlate(fields, out var plate))
            return fields.Invalid(gateEvent.EventId, "plate", "2-16 letters and digits");
        if (fields.Long("amountCents") is not >= 0)
            return fields.Invalid(gateEvent.EventId, "amountCents", "a whole number of cents, 0 or more");
        if (fields.Has("method") && fields.String("method") is null)
            return fields.Invalid(gateEvent.EventId, "method", "a string");
        return gateEvent with { Plate = plate, AmountCents = fields.Long("amountCents"), Method = fields.String("method") };
    }

    private static Validated<GateEvent> DoorHeld(Fields fields, GateEvent gateEvent)
    {
        if (!fields.Has("seconds"))
            return gateEvent;
        return fields.Int("seconds") is { } seconds and >= 0
            ? gateEvent with { Seconds = seconds }
            : fields.Invalid(gateEvent.EventId, "seconds", "a whole number of seconds, 0 or more");
    }

    private static Validated<GateEvent> WithDetail(Fields fields, GateEvent gateEvent)
    {
        if (fields.Has("detail") && fields.String("detail") is null)
            return fields.Invalid(gateEvent.EventId, "detail", "a string");
        return gateEvent with { Detail = fields.String("detail") };
    }

    private static Validated<GateEvent> Fault(Fields fields, GateEvent gateEvent)
    {
        if (fields.String("code") is not { Length: > 0 and <= 64 } code)
            return fields.Invalid(gateEvent.EventId, "code", "a string of 1-64 characters");
        return WithDetail(fields, gateEvent with { Code = code });
    }

    private static Validated<GateEvent> CommandResult(Fields fields, GateEvent gateEvent)
    {
        if (fields.String("commandId") is not { Length: > 0 and <= 64 } commandId)
            return fields.Invalid(gateEvent.EventId, "commandId", "a string of 1-64 characters");
        if (fields.Bool("ok") is not { } ok)
            return fields.Invalid(gateEvent.EventId, "ok", "true or false");
        return WithDetail(fields, gateEvent with { CommandId = commandId, Ok = ok });
    }

    private static bool TryPlate(Fields fields, out string plate)
    {
        var text = fields.String("plate");
        plate = Identifiers.IsPlate(text) ? Identifiers.NormalisePlate(text!) : "";
        return plate.Length > 0;
    }

    private static bool TryTime(Fields fields, string name, out DateTimeOffset at)
    {
        at = default;
        var text = fields.String(name);
        return text is not null && Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    private static bool TryParseObject(ReadOnlySpan<byte> payload, out JsonDocument? document, out string error)
    {
        document = null;
        error = "";
        if (!System.Text.Unicode.Utf8.IsValid(payload))
        {
            error = "the payload is not valid UTF-8";
            return false;
        }
        try
        {
            // A repeated key is refused rather than letting one of its values win silently.
            document = JsonDocument.Parse(payload.ToArray(), ParseOptions);
        }
        catch (JsonException exception)
        {
            error = $"not valid JSON: {exception.Message}";
            return false;
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object)
            return true;
        document.Dispose();
        document = null;
        error = "the payload must be a JSON object";
        return false;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})\z")]
    private static partial Regex Rfc3339();

    /// <summary>Typed access to the fields of one JSON object; a field of the wrong type reads as absent.</summary>
    private readonly struct Fields(JsonElement root)
    {
        public bool Has(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        /// <summary>A string field; one that is not valid UTF-16 (a lone surrogate escape) reads as absent.</summary>
        public string? String(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
                return null;
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        public bool? Bool(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean() : null;

        public int? Int(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
                ? number : null;

        public long? Long(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
                ? number : null;

        public Reject Invalid(string? eventId, string name, string expected) => new(eventId,
            RejectReasons.InvalidField(name), Has(name) ? $"'{name}' must be {expected}" : $"'{name}' is missing; it must be {expected}");
    }
}
