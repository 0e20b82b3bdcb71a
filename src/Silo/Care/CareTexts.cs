namespace Ops.Silo.Care;

/// <summary>The personal words on a gate's display and in its voice, in the site's language.</summary>
public static class CareTexts
{
    private static bool Chinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Birthday(string name, string language) => Chinese(language) ? $"{name}，生日快乐！" : $"Happy birthday, {name}!";

    public static string WelcomeBack(string name, string language) => Chinese(language) ? $"{name}，欢迎回来！" : $"Welcome back, {name}!";

    public static string Assist(string language) => Chinese(language) ? "已为您延长开门时间" : "The gate stays open longer for you";
}
