using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ops.Gateway.Tests.Validation;

/// <summary>Well-formed gate payloads that a test changes one field of, so each test shows only what it is about.</summary>
internal static class Payloads
{
    /// <summary>The hub's clock in every test.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public const string NowText = "2025-06-01T08:00:00+08:00";

    // Keeps '+' and CJK characters as they are, the way a gate would write them.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Event(string type) => new()
    {
        ["eventId"] = "evt-1",
        ["type"] = type,
        ["at"] = NowText,
    };

    public static JsonObject CardSwiped() => Event("card.swiped")
        .With("card", "04A1B2C3")
        .With("direction", "in");

    public static JsonObject PlateRead() => Event("plate.read")
        .With("plate", "粤B12345")
        .With("direction", "in");

    public static JsonObject PaymentCompleted() => Event("payment.completed")
        .With("plate", "粤B12345")
        .With("amountCents", 900);

    public static JsonObject Fault() => Event("fault").With("code", "E42");

    public static JsonObject CommandResult() => Event("command.result")
        .With("commandId", "cmd-1")
        .With("ok", true);

    public static JsonObject Status() => new() { ["online"] = true, ["at"] = NowText };

    public static JsonObject With(this JsonObject payload, string name, JsonNode? value)
    {
        payload[name] = value;
        return payload;
    }

    /// <summary>Sets a field to a raw JSON value (<c>"\"x\""</c>, <c>"5"</c>, <c>"null"</c>), or removes it when null.</summary>
    public static JsonObject WithRaw(this JsonObject payload, string name, string? json)
    {
        if (json is null)
            payload.Remove(name);
        else
            payload[name] = JsonNode.Parse(json);
        return payload;
    }

    public static JsonObject Without(this JsonObject payload, string name)
    {
        payload.Remove(name);
        return payload;
    }

    public static byte[] Bytes(this JsonNode payload) => Encoding.UTF8.GetBytes(payload.ToJsonString(Relaxed));

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
}
