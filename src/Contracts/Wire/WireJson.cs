using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ops.Contracts.Wire;

/// <summary>JSON settings of everything on the wire: camelCase, nulls left out unless a type says otherwise.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
