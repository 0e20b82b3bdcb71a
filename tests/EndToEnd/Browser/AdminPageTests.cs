using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ops.EndToEnd.Browser;

/// <summary>The residents and gates pages an admin uses.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_CSV_import_checks_the_file_first_shows_the_row_rejects_and_then_imports_the_good_rows()
    {
        var page = await fixture.SignInAsAdminAsync("residents");
        var csv = """
            residentId,name,unit,building,phone,birthday,care,cards,plates,notes,active
            r-zhou,Zhou Lan,5-1-302,5,13800000001,1948-03-02,elderly;lives-alone,cc0101,,,true
            r-bad-date,Sun Li,5-1-303,5,,1990-13-45,,,,,true
            r-bad-care,Qian Wei,5-1-304,5,,,flying,,,,true
            """;
        await page.Locator("input[name=archive]").SetInputFilesAsync(new FilePayload
        {
            Name = "residents.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });

        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        var rejects = page.GetByTestId("import-rejects");
        await Expect(rejects.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(rejects).ToContainTextAsync("3");
        await Expect(rejects).ToContainTextAsync("4");
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("Dry run");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 rows" }).ClickAsync();
        await Expect(page.GetByTestId("import-result")).Not.ToContainTextAsync("Dry run");
        await page.Locator("input[type=search]").FillAsync("Zhou");
        await Expect(page.Locator("table.list")).ToContainTextAsync("Zhou Lan");
        Assert.Empty(fixture.ForeignRequests());
    }

    [Fact]
    public async Task A_gate_provisioned_on_the_gates_page_shows_its_MQTT_login_once()
    {
        var page = await fixture.SignInAsAdminAsync("gates");
        await page.Locator("input[name=gateId]").FillAsync("west-door");
        await page.Locator("input[name=name]").FillAsync("West door");
        await page.GetByRole(AriaRole.Button, new() { Name = "Provision" }).ClickAsync();

        var credentials = page.GetByTestId("credentials");
        await Expect(credentials).ToContainTextAsync($"{BrowserFixture.SiteId}/west-door");
        var password = await page.GetByTestId("mqtt-password").InnerTextAsync();
        await using var gate = await Infrastructure.GateClient.ConnectAsync(fixture.Hub.Options.MqttPort, BrowserFixture.SiteId, "west-door", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(page.GetByTestId("gate-list")).ToContainTextAsync("West door");
    }
}
