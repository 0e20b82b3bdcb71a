using System.Globalization;

namespace Ops.Silo.Parking;

/// <summary>Money on displays: integer cents shown as <c>5.00</c>.</summary>
public static class Money
{
    public static string Format(long cents) =>
        (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
