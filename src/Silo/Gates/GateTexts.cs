using Ops.Contracts.Gates;

namespace Ops.Silo.Gates;

/// <summary>What a gate's display shows and its speaker says for a decision, in the site's language
/// (<c>zh-CN</c> or <c>en</c>; other languages fall back to English).</summary>
public static class GateTexts
{
    private static readonly Dictionary<string, (string Display, string Voice)> Chinese = new()
    {
        [Reasons.GrantedResident] = ("欢迎回家", "欢迎回家"),
        [Reasons.DeniedUnknownCard] = ("无效卡，请联系物业", "无效卡"),
        [Reasons.DeniedInactive] = ("卡已停用，请联系物业", "卡已停用"),
        [Reasons.GrantedOperator] = ("值班室已远程开闸", "已为您开闸"),
    };

    private static readonly Dictionary<string, (string Display, string Voice)> English = new()
    {
        [Reasons.GrantedResident] = ("Welcome home", "Welcome home"),
        [Reasons.DeniedUnknownCard] = ("Card not recognised, please contact management", "Card not recognised"),
        [Reasons.DeniedInactive] = ("Card inactive, please contact management", "Card inactive"),
        [Reasons.GrantedOperator] = ("Opened by the control room", "The gate is open for you"),
    };

    public static (IReadOnlyList<string> Display, string? Voice) For(string reason, string? language)
    {
        var texts = language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? Chinese : English;
        return texts.TryGetValue(reason, out var text) ? ([text.Display], text.Voice) : ([], null);
    }
}
