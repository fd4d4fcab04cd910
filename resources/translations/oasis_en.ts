<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>%1 needs approval by %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%n product(s) low on stock</source>
        <translation>
            <numerusform>%n product low on stock</numerusform>
            <numerusform>%n products low on stock</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is saved; the receipt did not print: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift open since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Oasis POS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oasis POS, the counter app of the spa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file (default: %1), or a store on a PostgreSQL server: postgresql://USER@HOST/DB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register cannot open its store on the server %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis</name>
    <message>
        <source>The file is %1 bytes; a CSV file may be at most %2 bytes (16 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is more than %1 bytes; a CSV file may be at most 16 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is not valid UTF-8 text: save the file as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quote inside an unquoted field; quote the whole field and double the quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: text after a closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a quoted field is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount: it is %2 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount: digits are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative; a positive amount is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount: use a point for cents, like 12.50, and commas only between thousands, like 1,200.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount: more than one decimal point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount: use digits and an optional decimal point, like 12.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than two digits after the decimal point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is above the limit of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is above the limit of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card holds only %1, less than the %2 asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card has no balance left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is left for the gift card to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift card cannot pay for a gift card: gift cards may pay at most %1 of this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card and gift-card tenders add up to %1, more than the %2 due: only cash can be over-tendered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still due: the tenders cover only %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is paid in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cash can be more than what is left to pay (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the last 4 digits of the card, as the terminal shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This gift card is already applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift card cannot pay for a gift card: it may pay at most %1 here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ringing up a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voiding a completed sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a discount above the store&apos;s threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a price override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the drawer without a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handling the drawer (shift, pay-in, pay-out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stock adjustment or count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiving stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift-card replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a gift-card adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a gift-card cash-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reprinting a gift certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changing settings or tax rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>editing or importing the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>managing staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing the day (Z report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seeing reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a manager or the owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no register access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not approve (deactivated or without register access): %2 needs approval by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs approval by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) may not approve %3: it needs approval by %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (approved by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a percentage takes at most two decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a discount: use a percentage from 0% to 100% or an amount like 5.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line discount cannot exceed the line&apos;s price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount must be between 0% and 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discount of %1 is more than the %2 that can be discounted (gift cards and tips cannot be).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 tax rate is on file for %2: add the rate in force on that date (Settings, Tax rates) before selling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 holds a broken character (a lone UTF-16 surrogate) at character %2; type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 holds a control character (%2) at character %3; only printable text is accepted%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 is %2 characters long; the limit is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write cash:AMOUNT or card:AMOUNT[:LAST4[:AUTH]].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a tender cannot be zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: only the last 4 digits of a card are kept, never the full number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the authorisation code is 1-12 letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write gift:CODE[:AMOUNT].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A parked ticket has an unknown line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be from 1 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session: say which therapist gives it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tip cannot be zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That tip is not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which therapist the tip is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only products have a quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line discount is more than the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line cannot be discounted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discount must be from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a product or a session can get another price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That price is not possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on the staff of this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on the staff of this store: %2 needs approval by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup cannot be written over the database itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file. Choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the snapshot&apos;s journal does not match the database&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot was written but failed its check, so it was deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot name the snapshot %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup and the database are the same file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file of %1 is missing (neither %2 nor %3): without it the backup cannot be checked or used. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore refused: %1 Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine holds a different key file for that database (%1); it is never replaced. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy the current database aside to %1, so it was not replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy %1 next to the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot put the restored database in place at %1; the previous one is kept at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was restored, but its journal anchor %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restored database&apos;s journal does not verify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code &quot;%1&quot; must be 1-32 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price and cost cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price is above the store limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax_class must be retail or service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reorder_point cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcode &quot;%1&quot; must be 6 to 14 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcode &quot;%1&quot; has a wrong EAN-13 check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session&apos;s tax_class must be service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session needs a modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session needs minutes between 1 and 600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modality and minutes are for sessions only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no catalog item number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcode %1 already belongs to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no item with code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: line 1 must be the header %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type &quot;%1&quot; must be product or session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tax_class &quot;%1&quot; (retail or service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paraben_free &quot;%1&quot; must be yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reorder_point &quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes &quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate code %1 (also on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate barcode %1 (also on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data %1 is missing from the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has staff; demo data is only added to a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo staff have no owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo staff line %1 has an unknown role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift-card lookups on this register are locked for %1 s after %2 failed attempts. Check the card and try again then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift-card lookups are locked on every register of this store for %1 s after %2 failed attempts within a minute. Check the card and try again then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That gift-card code has a typo (its check character does not match). Check each character and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a gift-card code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This gift card is not known here: it was not sold by this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This gift card (ending %1) was reported lost and replaced; it is void. Its balance is on the replacement card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no gift card number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card %1 has too many replacements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reload must be a positive amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 was replaced just now; reload its replacement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift card may hold at most %1; this one holds %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A redemption must be a positive amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 was replaced just now; it is void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card has only %1 left, less than %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card sold on this receipt was already spent; it cannot be voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash paid out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 was replaced; it is void. Its balance is on the replacement card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 has no balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 holds %2: cash is paid out only for a balance under %3. It can be spent on any service or product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cash-out is paid from the drawer: open a shift on this register first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift-card cash-out (card ending %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 was replaced just now by someone else; it is void and its balance is on that replacement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjustment reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment cannot be zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 was replaced just now; adjust its replacement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adjustment would leave the card below zero (it holds %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code of this card is not kept; it cannot be reprinted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no product with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product code was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no product with code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session, not a product: only products have stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity received must be at least 1 (got %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 units in one delivery is more than %2: check the quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit cost cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit cost is above the store limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best-before date is not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot %1 of %2 is already past its best-before date %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still below zero (%2): count the shelf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment of 0 changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment of %1 is more than %2 units: check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock that is %1 can only go down: use a negative number, or the reason adjust to add stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now below zero (%2): count the shelf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: expected 2 columns (code,counted), found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the code is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: counted &quot;%2&quot; for %3 is not a whole number from 0 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was counted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count file lists no products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to count: no product was entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted %1 for %2 is not from 0 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no product with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session, not a product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is counted twice (also on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted %1, books said %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity put back on the shelf must be from 1 to %1 (got %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session cannot be put back on the shelf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period needs valid dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends (%1) before it starts (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry window needs a date and days &gt;= 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no receipt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2, not a sale: it cannot be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is from %2: only a sale of today can be voided; refund it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already refunded or voided in part; refund what is left instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That line is not on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: only %2 of %3 can still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is left to refund on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift card is not refunded: its value stays on the card and can be spent (a balance under $5.00 is paid out in cash). A manager can void today&apos;s sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 paid on %2 can still be given back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A register needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A register&apos;s name is at most %1 characters; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A register&apos;s name cannot hold control or invisible characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A register&apos;s name cannot begin or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s register &apos;%1&apos; is not registered in this store: a manager adds it with: oasisctl register add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register &apos;%1&apos; is already registered in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grand total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards cashed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer pay-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer pay-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day cannot be closed while a shift is open on register %1: count and close the drawer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Z report #%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory at cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the quantity must be from 1 to 999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the price or discount is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the catalog any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: choose the therapist who gives it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tip needs the therapist it is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards cannot be discounted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift card is sold for %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each gift card is its own line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift card&apos;s To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift card&apos;s From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift card&apos;s message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the therapist is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request id is 1 to 100 printable ASCII characters, with no space at either end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not ring up sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id %1 was already used for receipt %2 with a different ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total of %1 is above the store&apos;s limit of %2 for one sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same gift card is entered twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift card cannot pay for a gift card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This held ticket is no longer on hold: it was sold or voided at another register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stock is now %2 (below zero); count the shelf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to hold: the ticket is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label of the held ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That held ticket is no longer on hold: it was sold or voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a US note or coin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A count cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no shift %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open on register %1: open one with a counted float first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This refund pays cash back from the drawer, and no shift is open on register %1: open one with a counted float first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The float cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shift is already open on register %1 (shift %2): close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pay-in reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pay-out reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pay-in needs a reason (e.g. change from the safe).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pay-out needs a reason (e.g. tip paid out in cash to Lena).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer should hold only %1: a pay-out of %2 is more than that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counted drawer cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift was closed by someone else just now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no staff member named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no staff member number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store already has an owner: staff are added by the owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid staff name: start with a letter, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapists do not log in to the register: no PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff member named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the last active owner and cannot be deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapists have no PIN: add a new staff member for register access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN for %1 (checked against the backup snapshot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked after %2 wrong PINs; try again in %3 minute(s) or ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. %1 is now locked for 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a currency code (three capital letters, as USD or EUR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tax rate needs a percentage from 0 to 100 and a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy: another register or program is writing to it. Try again in a moment. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is read-only: check the file&apos;s permissions. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged. Restore the latest backup. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Check the database path or create the folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an empty file, not an Oasis database. Create one with: oasisctl --db %1 init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1. Create one with: oasisctl --db %1 init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be read: check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is read-only (the file or its folder cannot be written). The register needs to write every sale: fix the permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a database or is damaged beyond use. Restore the latest backup; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 failed its integrity check (%2). Restore the latest backup; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a database but not an Oasis POS database; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer Oasis POS (schema %1; this program knows %2). Update the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a backup snapshot from an earlier version of Oasis POS (schema %2): restore it to use it (oasisctl restore FILE), which brings it up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 failed; it was left at version %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has no key check; it was not initialised by Oasis POS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the journal anchor %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 does not belong to this database. Restore the key file that was backed up with it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a backup snapshot: it opens for reading only, and nothing was changed. To make it the store again: oasisctl restore FILE (a manager&apos;s PIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transaction was already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was interrupted and rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal cannot record the rows just written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tender of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tax row of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tax row of a sale that does not exist (sale id %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stock movement of %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gift card ending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a gift-card %1 of %2 on the card ending %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is damaged (%1): restore the latest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal anchor %1 is empty or unreadable, so entries cut off after %2 would go unnoticed; compare the last Z report&apos;s journal entry with this journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal&apos;s anchor outside the database (%1) is missing, so entries cut off after %2 would go unnoticed; compare the last Z report&apos;s journal entry with this journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted from the books (journal entry %2 recorded it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s total was changed after it was recorded (journal entry %2 recorded %3, the books say %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>journal entry %1 records the books in a form this program does not know: update Oasis POS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>journal entry %1&apos;s record of the books cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted from the books: the %2 row %3 that journal entry %4 recorded is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rows of %1 (%2) were changed after journal entry %3 recorded them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is recorded by two journal entries (%2 and %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the books but no journal entry recorded it: it was written outside Oasis POS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the Z reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 is out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 does not follow the entry before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 does not match Z report %2, which recorded it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries %1 to %2 were cut off (Z report %3 recorded %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries %1 to %2 were cut off (the anchor outside the database records %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 does not match the anchor outside the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 may be read by other users (mode %2) and cannot be made private: %3. Its owner must run chmod 600 on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 could be read by other users (mode %2); it is now 0600, readable by its owner only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 already exists; it is never replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for the key file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a database snapshot (or is damaged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Oasis POS database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: it fails its integrity check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrity check of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer Oasis POS (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file does not belong to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal of %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal of %1 does not verify: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase in OASIS_KEY_PASSPHRASE is too short: a key file is sealed with at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; a key export never overwrites a file. Choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a sealed Oasis POS key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys in this file do not fit store %1 (its key check differs). Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer already holds a different key file for store %1 (%2); it is never replaced. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the journal anchor %1; nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 of this database is missing. Restore it from the backup (it is kept beside each snapshot) or import it on this computer with oasisctl keys import FILE; a new key is never made for an existing database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys are damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a sealed Oasis POS key file (or it was changed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key file is in format %1, written by a newer Oasis POS: update this program to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase does not open this key file (or the file was changed after it was exported). Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Oasis POS database, or is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key file belongs to store %1, not to store %2 at %3. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store %1 at %2 does not hold journal entry %3 as it was when this key file was exported: it is a copy from before the export, or its journal was changed since. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server cannot be reached: the connection was lost. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store address %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the store server at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store on a server is created at the current schema version (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the store on the server failed; nothing was made. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store on a PostgreSQL server is backed up on the server, with pg_dump (see the README); nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server role is a plain name: lower-case letters, digits and _, up to 63 characters, not starting with a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store in a file has no server roles: registers share a store on a PostgreSQL server. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the store server was lost while saving: it may or may not have been saved. Try again: a ticket with its request id is saved and charged once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid postgresql:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carries a password: give it the libpq way (PGPASSWORD or ~/.pgpass), never on a command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names no database (postgresql://USER@HOST[:PORT]/DBNAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an option this program does not take (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a backup, restore, key export or store copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no Oasis POS store yet. Create one with: oasisctl --db %1 init (or copy a store there with oasisctl store copy --to %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store is already on a server: move it with pg_dump and pg_restore. Nothing was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store is copied to a PostgreSQL server: give its address as postgresql://USER@HOST[:PORT]/DBNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds an Oasis POS store; a store is copied into an empty database only. Nothing was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an sslmode libpq does not know (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a port that is not a number from 1 to 65535 (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save this computer&apos;s settings in %1. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store server&apos;s address starts with postgresql://, as in postgresql://register@backoffice/spa. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store address %1 %2. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts on sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax on sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips on sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards sold on sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected on sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash expected in the drawers closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over (+) or short (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store server: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store server: connection lost (reconnecting on the next operation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is for the front desk, managers and the owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is for managers and the owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is for the owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services (massage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retail (oils, lotions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untaxed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a percentage such as 40 or 10.55 (up to 4 decimals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A percentage cannot be more than 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A commission rate is a percentage from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff member is called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no service %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a product: commission rates are for services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 is void: print the certificate of the card that replaced it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards, %1 (outstanding at the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash-outs, refunds, replacements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by item, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales tax, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value at cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by category, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by staff member, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by therapist, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist commission, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission and tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use tax on stock used in treatments and testers, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards with no activity for 12 months or more, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>36 months or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 to 36 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 to 24 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day received needs a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies must be 1 to %1, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is %1 labels; print at most %2 at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) has no valid EAN-13 barcode: its label shows the SKU and no barcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one product to label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product has the code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session: shelf labels are for products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was received on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax rates changed while this sale was being rung up: the total is now %1. Nothing was charged; take the payment again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email address was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an email address (like name@example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no gift card %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a mail server&apos;s host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server&apos;s port must be from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail server user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s from address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail server password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding or changing a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a client&apos;s health notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merging clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exporting client data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 are for therapists, managers and the owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number holds digits, spaces and + - ( ) . only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number %1 has too few digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client&apos;s notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client has at most %1 health flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no client %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1 was merged into client %2: change that client instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client cannot be merged into themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1 was already merged into client %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1 was merged into client %2: merge into that client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients: lifetime value and last visit, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>giving promotional value on a gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write voucher:CODE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a session: a voucher is worth one session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card given away needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value must be a positive amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value may be at most %1 (the store&apos;s gift-card maximum).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value cannot expire before today (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card has only %1 of promotional value left to spend, less than %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt series is one letter, A to Z; &apos;%1&apos; is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series R is the store&apos;s first series, shared by the registers that had no series of their own; choose another letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt series %1 is register &apos;%2&apos;&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every receipt series from A to Z is taken: a register must share series R (oasisctl register add NAME with no series is refused until one is free).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store predates receipt series: open it with this version of Oasis once to bring it up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no register &apos;%1&apos; in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register &apos;%1&apos; already numbers its receipts in series %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register &apos;%1&apos; was written but cannot be read back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of which promotional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional (not owed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service vouchers, %1 (owed at the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed or refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each voucher is its own line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voucher is sold at its session&apos;s price, not discounted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value comes with a new card, not a reload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An expiry date is for promotional value: give a bonus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voucher ending %1 was already redeemed (receipt %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voucher ending %1 is void: its sale was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same voucher is entered twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voucher ending %1 is for %2: ring up that session (or a longer one) to redeem it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bonus with a card sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt series %1 is full: a manager gives this register a series of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One %1-minute %2 massage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That voucher code has a typo (its check character does not match). Check each character and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a voucher code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This voucher is not known here: it was not sold by this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no voucher number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voucher ending %1 was redeemed: it cannot be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voucher ending %1 was already refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code of this voucher is not kept; it cannot be reprinted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a promotional %1 of %2 on the gift card ending %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tender: use cash:AMOUNT, card:AMOUNT[:LAST4[:AUTH]], gift:CODE[:AMOUNT], voucher:CODE or package:CODE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package: %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions of %2-minute %3 massage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package code is 1 to 40 letters, digits, &apos;-&apos; or &apos;_&apos; (e.g. PKG-DT60-5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package has 1 to 100 sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package&apos;s price must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no session %1 in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a session: a package is sessions of one service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package %1 is already defined: a package is defined once; define another code for another price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no package %1: a manager defines it with oasisctl package define.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That package code has a typo (its check character does not match). Check each character and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a package code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package is not known here: it was not sold by this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no package number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package was sold on that line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That package is not defined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package ending %1 was refunded: no session is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package ending %1 has no session left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package ending %1 was used on another register meanwhile: %2 sessions left. Nothing was charged; take the payment again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package ending %1 was already refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package ending %1 has no session left: all %2 were used, nothing is refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package ending %1 changed meanwhile; nothing was refunded. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code of this package is not kept; it cannot be reprinted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session of the package ending %1 was used: refund the sessions left instead of voiding the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session packages, %1 (owed at the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used in range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package is sold to a client: choose the client first (--client ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each package is its own line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package is sold at its price, not discounted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket paid with a package session takes no ticket discount: the package&apos;s price is the discount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package ending %1 is for %2: ring up that session to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make a unique code for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program on this register is using its offline copy; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server cannot be reached: gift cards, vouchers and packages are redeemed only online. Take cash or a card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server cannot be reached: vouchers and packages are sold only online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server cannot be reached: a card is reloaded or given a bonus only online; a new card may be sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server cannot be reached: a client is attached to a sale only online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server cannot be reached: a held ticket is sold only online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store on this computer is never out of reach: offline selling is for registers of a store on a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register %1 is not registered in this store: a manager adds it with oasisctl register add %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register %1 numbers its receipts in series R with other registers: a manager gives it a series of its own (oasisctl register series %1 LETTER) before it sells offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales made offline wait to be sent (%1): send them first (oasisctl offline send).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy the store&apos;s key to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace the offline copy in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot put the offline copy in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale with request id %1 was on its way when the server went away, and whether it reached the server is unknown: sell that ticket again with --request-id %1 (it is charged once), or wait for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale of the offline copy is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 made offline carries request id %2, which the server has on receipt %3 for another ticket: nothing more was sent. Call for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 made offline cannot be sent: the server&apos;s next number in its series is %2. Nothing more was sent; call for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on receipt %2 was sold offline at %3; the catalog says %4 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal entry of receipt %1 is missing from the offline copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepaid: what the spa owes, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed at the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds and other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold (n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed (n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding (n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards (paid value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a session code: a voucher is worth one session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the offline copy&apos;s journal anchor in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales made offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold at another price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 x %2 (no longer sold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 x %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write package:CODE, or package:#ID for the client&apos;s package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a package: write its code, or #NUMBER as the client&apos;s page lists it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1 is %2&apos;s: it is used from their page on a ticket for them, or by scanning its code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server cannot be reached: the connection was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy: another register or program is writing to it. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now costs %2 in the catalog, not %3 as rung up: ring it up again, or %4 at %3 needs approval by %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN for %1: %2 of %3 attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server&apos;s disk is full: nothing was saved. Its administrator must free space on it; then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space on it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a database file: it is a device or a pipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ••%1 holds %2 now, less than the %3 it was to pay: it was used at another register meanwhile. Nothing was charged; take the payment again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::ApprovalDialog</name>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No manager with a PIN can approve this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval needed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::Camera</name>
    <message>
        <source>Camera scanning is not available on this computer: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::CameraScanner</name>
    <message>
        <source>gift card ••%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::CameraSettingsBox</name>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test: show a code to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webcam at the counter reads the QR code of a gift card or a receipt shown on a phone, as if it were scanned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from the camera: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: no camera scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found on this computer. Plug in a webcam and open Settings again to choose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera chosen for this register (%1) is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture shows here during a test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera %1 is connected to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera scanning on this register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register now reads codes shown to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a camera first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold a gift card&apos;s or a receipt&apos;s QR code up to the camera.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::ChoiceDialog</name>
    <message>
        <source>Choose (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::CustomerDisplay</name>
    <message>
        <source>%1 — customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount	−%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax	%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left on your gift card ••%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card of %1: scan the code to check its balance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::EntryDialog</name>
    <message>
        <source>OK (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::GiftCardDialog</name>
    <message>
        <source>Sell a gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount: choose one or type another (%1 to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, printed on the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to ticket (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type the amount of the card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::LoginWidget</name>
    <message>
        <source>Choose your name, then enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is at the register?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard: ↑ ↓ choose the person · digits · Backspace · Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one has register access yet: add staff with oasisctl staff add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is not open yet: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::MainWindow</name>
    <message>
        <source>Oasis POS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register is locked. The ticket stays as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Oasis POS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open ticket could not be held: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and lose the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera %1 is not connected: codes can still be scanned or typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 email has not been sent yet. It will be lost if Oasis POS closes now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 emails have not been sent yet. They will be lost if Oasis POS closes now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store server out of reach: selling offline, cash and card only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server is back: the sales made offline were sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::Network</name>
    <message>
        <source>The network is not available to Oasis POS on this computer: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::OfflineMode</name>
    <message numerus="yes">
        <source>Store server: offline, %n waiting</source>
        <translation type="unfinished">
            <numerusform>Store server: offline, %n waiting</numerusform>
            <numerusform>Store server: offline, %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Store server: connected; %n sale(s) made offline not sent: %1</source>
        <translation type="unfinished">
            <numerusform>Store server: connected; %n sale made offline not sent: %1</numerusform>
            <numerusform>Store server: connected; %n sales made offline not sent: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Store server: connected, %n waiting</source>
        <translation type="unfinished">
            <numerusform>Store server: connected, %n waiting</numerusform>
            <numerusform>Store server: connected, %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Store server: not answering</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::PayDialog</name>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash  F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card  F3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card  F4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to ticket  Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete sale  F12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash received, e.g. 60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the card on the terminal, then enter what it printed. Never the full number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the terminal slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add card payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR or type GC1-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt  P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sale  Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sale is already complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card ••%1 holds %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card ••%1 holds %2: %3 applied, %4 stays on the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the gift card&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card ending %1 removed: if the terminal approved it, void it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card ••%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (auth %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ••%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Sale &lt;b&gt;%1&lt;/b&gt; is complete.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;This ticket was already recorded as sale &lt;b&gt;%1&lt;/b&gt;: nothing was charged again.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Gift card ••%1 of %2 was issued by that sale.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Gift card of %1 issued: give the customer the printed receipt or certificate.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card ending %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card ending %1 %2 (auth %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift card ending %1 %2 (not charged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 taken: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card ending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card ending %1 was approved for %2 on the card terminal: void it on the terminal, the app cannot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand back the %1 in cash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift card ending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ending %1: nothing was taken off it (a card pays only when the sale completes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard payments?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the %1 already taken (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep paying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale is saved; the receipt did not print: %1 Press P to print it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left on ••%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift certificate…  C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale is complete yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email gift card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register does not send email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set for this store: a manager sets one with oasisctl settings smtp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sale sold no gift card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s email address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card is on its way to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt is on its way to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voucher ending %1 (not redeemed yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voucher ending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ending %1: it was not redeemed (a voucher is redeemed only when the sale completes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ••%1 pays %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ••%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Sale &lt;b&gt;%1&lt;/b&gt; is complete and kept on this register: the store server cannot be reached. It is sent when the server is back (%n waiting).&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform>&lt;p&gt;Sale &lt;b&gt;%1&lt;/b&gt; is complete and kept on this register: the store server cannot be reached. It is sent when the server is back (%n waiting).&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Sale &lt;b&gt;%1&lt;/b&gt; is complete and kept on this register: the store server cannot be reached. It is sent when the server is back (%n waiting).&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Gift card ••%1 is activated when this sale reaches the store server.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Voucher ••%1 issued: %2. Print its certificate for the customer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Package ••%1 issued: %2. Print its certificate for the client.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate…  C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package ending %1 (no session used yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package ending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ending %1: no session was used (a session is used only when the sale completes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1 pays %2 for %3: %4 sessions left after this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ending %1 removed: no session is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made offline: sent to the store when its server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ending %1 works once this sale reaches the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;••%1: %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::ReceiptView</name>
    <message>
        <source>The receipt cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::ReceiptsScreen</name>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number: 42, #42 or scan R-000042 — Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to register
Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print copy (REPRINT)
Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund…
Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale…
Ctrl+Shift+V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1   %2   %3   %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a receipt number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a receipt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy of %1 sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 receipt cannot be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund lines of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is left to refund on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a sale of today can be voided; refund it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already refunded in part: refund what is left instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse all of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void %1? Everything is reversed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock, gift-card activity and payments go back as new rows; the sale stays on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voiding %1 needs a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 back to the card •••• %2 — refund it on the card terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 back onto gift card •••• %2 (balance now %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 done: %2 for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give back %1 in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cash to give back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is saved; the receipt did not print: %1 Press Ctrl+P to print it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the receipt to refund, then press Ctrl+R.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the voucher •••• %2: a redeemed voucher is not refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the package •••• %2: a session used is not given back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::RefundDialog</name>
    <message>
        <source>Refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund against %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how many of each line to refund. The money goes back the way it was paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refundable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back on the &amp;shelf (restock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick for damaged goods: they are refunded but not restocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax is refunded exactly as it was charged; the receipt shows the committed figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity to refund of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards are not refunded: the value stays on the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not refundable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — already refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift card sold on this receipt is not refunded: its value stays on the card and can be spent. A manager can void a sale of today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one line to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refund of %1 on %2 needs a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::RegisterWidget</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay
F12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retail best sellers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other amount, To / From…
F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expiration date. No fees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty — scan or tap an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “%1”: nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code “%1”. Items whose name matches:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who gives the %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No therapist chosen: %1 was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 with %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No therapists are set up: add them with oasisctl staff add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a line first (↑ ↓).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided %1; the held ticket is voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a product line first (↑ ↓).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price changed: a manager approves it when the sale is paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a product or session line first (↑ ↓).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New unit price for %1 (now %2). A manager approves it at payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount on %1: a percentage (10%) or an amount (5.00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket discount removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket discount %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount on the whole ticket: a percentage (10%) or an amount (5.00). More than %1 % needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is the tip for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount, e.g. 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card %1 added: the card is created when the sale completes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is empty: nothing to hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket held as “%1”. Recall it with F6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · parked at close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name to find the ticket by (optional), e.g. the customer&apos;s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold (F5) or finish the current ticket before recalling another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket recalled: it stays on hold until it is paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tickets are on hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets on hold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ••%1: balance %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is empty: scan or tap an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already recorded as sale %1: nothing charged again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 complete — change %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a receipt: scan the receipt to refund (R-000042 or #42), then press Ctrl+R.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a barcode, SKU, session code (DT60), name, gift card, receipt, or a client&apos;s phone — then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the client by name or phone (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or edit clients, see their visits and purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client — Ctrl+K, or type a name or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Health notes for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 has health notes for the therapist: a manager or the therapist reads them before the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket has no client now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing up for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients matching “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing up for %1. Find another client by name or phone, or leave empty to take them off the ticket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the client by name or phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client matches “%1”: add them on the Clients page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;scan field: barcode, SKU, session code, name, gift card (GC1-…), receipt (#42 or R-000042)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;↑ ↓&lt;/b&gt;&lt;/td&gt;&lt;td&gt;choose a ticket line&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;clear the scan field; back out of a dialog&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;this help&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;quantity of the line&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;tip for a therapist&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;ticket discount (10% or 5.00)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5 / F6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;hold the ticket / recall a held ticket&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F7&lt;/b&gt;&lt;/td&gt;&lt;td&gt;line discount&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;price override of the line (a manager approves)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;void the line&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F9&lt;/b&gt;&lt;/td&gt;&lt;td&gt;receipts (find, reprint)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;refund the receipt in the scan field (or find it first)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the ticket&apos;s client (find by name or phone)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F10&lt;/b&gt;&lt;/td&gt;&lt;td&gt;sell a gift card&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;lock the register&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F12&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pay; in the pay dialog F2 cash, F3 card, F4 gift card, F12 complete&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell as voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service voucher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card %1 with %2 promotional value added: a manager approves the bonus at payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added a voucher for %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which session is the voucher worth?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voucher was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package is sold to a client: choose the client first (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 for %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store sells no session package yet: a manager defines one with oasisctl package define.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which package for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ••%1: %2, not redeemed yet. Ring up the session, then scan it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ••%1: %2, already redeemed (receipt %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ••%1 is void: its sale was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1: %2, refunded: no session is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1: %2, no session left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1: %2, sessions left: %3. Ring up the session with its therapist, then scan it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is for %1: complete or hold it first, then use %2&apos;s package from their page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::app::TicketModel</name>
    <message>
        <source>Tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::cli</name>
    <message>
        <source>Created %1 (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is at schema %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file: %1 (keep it safe, apart from backups of the database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is register %1; a manager adds others with: oasisctl register add NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s register %1 is not registered in this store: a manager adds it with: oasisctl register add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data added: frontdesk PIN 1111, manager PIN 9999, owner PIN 2468.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data not added: the database already has staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a staff command (list, add, deactivate, reset-pin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new staff member&apos;s NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff add needs --role frontdesk|manager|owner|therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role %1: use frontdesk, manager, owner or therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This command needs --user NAME (and the PIN in OASIS_PIN); a new database gets its owner first with staff add NAME --role owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This command needs --user NAME (and the PIN in OASIS_PIN): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the staff member&apos;s NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN of %1 was reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown staff command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scanned or typed TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan takes one TEXT; quote a name with spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to scan: give the TEXT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ending %1: the register pays with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gift-card code, but not a valid one: check it character by character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1: the register shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — %3: the register adds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code “%1”. Items whose name matches:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a catalog command (list, import, export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 items to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown catalog command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a journal command (verify)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown journal command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is damaged (%1): restore the latest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal OK: %1 entries, chain, anchor and books verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal NOT verified: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal chain and books OK (%1 entries) but not fully verified: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal FAILED at entry %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal cannot be verified: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal cannot be fully verified: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal was tampered with: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown register command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the register&apos;s NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shift %1 open (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no shift open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gift-card CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ••%1, balance %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the AMOUNT to load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>giftcard reload needs --pay TENDER...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 onto gift card ••%2 (receipt %3). Balance now %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the DELTA amount (e.g. -5.00 or 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old card is void. New card: %1 with %2. Print its certificate with: oasisctl giftcard certificate CODE --out FILE.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay the customer %1 in cash from the drawer; the card is now empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted by %1; balance now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>giftcard certificate needs --out FILE.pdf or FILE.png.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate for gift card ••%1 (%2) written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown giftcard command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number%2, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> like -2 or 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a date as YYYY-MM-DD, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  BELOW ZERO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  LOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONHAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QTY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1 × %2. On hand: %3. Average cost: %4 (was %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DELTA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inventory adjust needs --reason damaged|tester|treatment|adjust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown reason %1: use damaged, tester, treatment (oil used in a massage) or adjust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3). On hand: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BOOKS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COUNTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VARIANCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AT COST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not posted (--dry-run): %1 of %2 products would be corrected, net %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count %1 posted: %2 of %3 products corrected, net %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> lot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> best before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a report (reorder, valuation, treatment, expiring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested order: up to twice the reorder point. Estimated cost %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  BELOW ZERO (valued at 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock at cost: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 product(s) below zero: count them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used in treatments %1 to %2 (at cost):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(testers: %1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment use at cost (use tax base): %1. Testers: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lots expiring by %1 (estimated still on the shelf):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown inventory report %1: use reorder, valuation, treatment or expiring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown inventory command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECEIPT (number or code like R-000042)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a receipt number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on this receipt, or is already refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void reverses the whole sale: no ITEMs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is saved; the receipt did not print: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 %2: give a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report prints on a receipt printer (file:, tcp:, device:, lp:) or as text:PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from is after --to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--number takes a Z number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Z report is saved but did not print: %1 Reprint with: oasisctl report z --number %2 --print TARGET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown report %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed on gift cards: %1 at the start, + %2 sold, - %3 redeemed, %4 other, = %5 at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--keep takes a number of daily backups (1 or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the key file apart from the backup (e.g. on a USB stick in the safe): together they can forge gift cards; without the key the backup cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup --auto takes no FILE (use --dir DIR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s backup already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written and verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written and verified (%1 journal entries, %2 sales): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore needs --user NAME (a manager or the owner, with the PIN in OASIS_PIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database did not open (%1); it is kept aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore refused: neither the current database nor %1 can check the PIN of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 from %2 (journal entry %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database as it was is kept at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an active therapist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a session code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the catalog has the code or barcode %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session: write %1@THERAPIST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale needs at least one ITEM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale needs --pay TENDER...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tip takes AMOUNT@THERAPIST, e.g. 20@lena.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tip %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--discount %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale already recorded as receipt %1 (request id %2): nothing charged again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 was saved but not printed: %2 Reprint with: oasisctl receipt print %1 --print %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a receipt number (like 42 or R-000042).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECEIPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt print needs --print TARGET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprinted %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown receipt command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1 on register %2, opened by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  float         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  cash sales    %1 (%2 sales)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  cash refunds  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  pay-ins       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  pay-outs      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  expected      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a shift command (open, payin, payout, status, close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the counted FLOAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the COUNTED drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1 opened on register %2 with a float of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  counted       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  the drawer is exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  SHORT         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  OVER          %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1 is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the AMOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shift %1 needs --reason R (e.g. &quot;tip paid out to lena&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid out %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer should now hold %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown shift command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PIN given: set %1 or run on a terminal to be asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PIN was entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This command needs --user NAME (and the PIN in OASIS_PIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs approval by %2: add --approve-by NAME with OASIS_APPROVER_PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown or incomplete option %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passphrase: set OASIS_KEY_PASSPHRASE (it is never taken as an argument).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the FILE to write the sealed key file to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file of store %1 is sealed in %2 (readable by you only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the new register: OASIS_KEY_PASSPHRASE=... oasisctl --db STORE keys import FILE. Carry the file and the passphrase apart, and delete the file once it is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sealed key FILE to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file of store %1 is installed: %2. The store opens on this computer now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer already holds this key file of store %1: %2. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a keys command (export, import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown keys command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server role %1 may now open this store as a register: it reads the store and adds to the books, and can never change or delete a row of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a store command (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown store command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store copy needs --to postgresql://USER@HOST[:PORT]/DBNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store and its whole history were copied to %1 (%2 tables). Check it there with: oasisctl --db %1 journal verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Z report is saved but its PDF was not written: %1 Write it again with: oasisctl report z --number %2 --pdf FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pdf is for report x and report z; the other reports export with --csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--by is for report sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--by %1: give category, staff, therapist or item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed on gift cards: %1. Active in the last 12 months: %2. Idle 12 to 24 months: %3 (cards: %4). 24 to 36 months: %5 (cards: %6). 36 months or more: %7 (cards: %8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a commission command (list, set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown commission command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --therapist NAME or --service CODE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the RATE (a percentage, or none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--therapist and --service are for commission set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>therapist %1: %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service %1: %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No commission rates are set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inventory labels needs SKUs or --received-today (not both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inventory labels needs --out FILE.pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown label sheet %1: use 5160, 5163 or thermal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 labels of %2 products on %3 Avery %4 sheet(s) to %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 labels of %2 products for the label printer to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an inventory command (list, receive, adjust, count, history, report, labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>giftcard send needs --to EMAIL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 is void: send the card that replaced it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card was emailed to %1 but the journal could not record it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ••%1 (%2) emailed to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a receipt command (show, print, send)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt send needs --to EMAIL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was emailed to %1 but the journal could not record it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1 emailed to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server&apos;s port must be from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls takes starttls, tls or none, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server needs --host H and --from ADDRESS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set (OASIS_SMTP_PASSWORD%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, kept in the store&apos;s key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set (in the store&apos;s key file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set. Set one with: oasisctl settings smtp --host H --port P --from ADDRESS [--user U] [--tls starttls|tls|none]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server: %1:%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a settings command (smtp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown settings command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Health notes: on file, for the therapist and managers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Health notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a client&apos;s number (oasisctl client find NAME shows it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client&apos;s NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a NAME or PHONE to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · health notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client matches %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Merged into client #%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Tickets: %1 · spent %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Visits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Purchases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Gift cards:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client merge ID --into ID: say which client to keep with --into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the duplicate client&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number of the client to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client #%1 is merged into %2; its visits and purchases are now that client&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the FILE.csv to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients exported to %1: %2, health notes included; keep the file private. The export is in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a client command (add, find, show, merge, export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown client command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--client takes a client&apos;s number (oasisctl client find NAME shows it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clients report has no --csv: client data leaves the store by client export (a manager&apos;s, journaled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a register command (add, list, series, grant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receipt series LETTER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register %1 is registered, its receipts numbered %2-000001 on; a computer becomes it with OASIS_REGISTER=%1 (or the app&apos;s register setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register %1 numbers its next receipts in series %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>series %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not redeemed; covers %1 today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redeemed on receipt %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void: refunded on receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ••%1: %2 (%3), %4. No expiration date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 paid, %3 promotional, expires %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 paid, %3 promotional, no expiry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a giftcard command (balance, history, reload, replace, cashout, adjust, certificate, send, give)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--expires takes a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>giftcard give needs --reason R.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card %1 given away. %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print its certificate with: oasisctl giftcard certificate CODE --out FILE.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value (not paid for; spent after the paid value):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay the customer %1 in cash from the drawer; the card keeps its %2 of promotional value, which is never paid out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voucher ending %1 is %2: it has no certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate for voucher ••%1 (%2) written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value (not owed): %1 at the start, + %2 granted, - %3 spent, - %4 expired, = %5 at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed on service vouchers: %1 at the start, + %2 sold (%3), - %4 redeemed (%5, covering %6 of sessions), - %7 refunded (%8), = %9 at the end (%10 not redeemed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a session code: a voucher is worth one session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the bonus: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a bonus must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bonus-expires is for a card sold with a bonus (giftcard:AMOUNT+BONUS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bonus-expires takes a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Packages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded (%1 back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sessions left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1: %2 (%3) for %4, %5. Sold on receipt %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package ending %1 is %2: it has no certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate for package ••%1 (%2) written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a package command (define, list, show, refund)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No packages are defined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package CODE (e.g. PKG-DT60-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package define CODE needs --service SESSIONCODE --sessions N --price AMOUNT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sessions takes a number of sessions, e.g. 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--price %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 defined: %2 for %3 (%4 a session).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package&apos;s CODE (SP1-...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1: %2 unused sessions of package ••%3, %4 back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown package command %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed on session packages: %1 at the start, + %2 sold (%3 packages, %4 sessions), - %5 recognised as revenue (%6 sessions used), - %7 refunded (%8 sessions), = %9 at the end (%10 sessions left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voucher or package code, but not a valid one: check it character by character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ending %1: the register pays a session with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ending %1: the register pays a session with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voucher for %1 — %2: the register sells it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 (%2) — %3: the register sells it to the ticket&apos;s client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline selling is for a register of a store on a server: give --db postgresql://USER@HOST/DBNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an offline command (status, prepare, send)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown offline command %1: give status, prepare or send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register %1: online, sales waiting to be sent: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register %1: offline (the store server cannot be reached), sales waiting to be sent: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales made offline sent to the store server: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline copy made %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No offline copy: this register cannot sell offline until oasisctl offline prepare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales made offline, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  made %3, reached the server %4  %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    %1 x %2 charged %3; no longer sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    %1 x %2 charged %3; catalog %4 (%5 each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales made offline: %1, %2 in all. Lines sold at a price the catalog does not have now: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a report (x, z, history, sales, tax, tips, commission, usetax, giftcards, vouchers, packages, prepaid, aging, clients, offline, inventory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed on everything prepaid: %1 at the start, + %2 sold, - %3 redeemed, %4 refunds and other, = %5 at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue recognised from vouchers and packages: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value on gift cards at the end (not owed): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts: gift cards in ledger entries (outstanding: cards owing), vouchers in vouchers, packages in sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store server unreachable: receipt %1 is kept on this register (sales waiting to be sent: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ending %1 is activated when this sale reaches the store server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oasisctl: warning: the offline copy was not refreshed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made offline: sent to the store when its server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ending %1 works once this sale reaches the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    %6  ••%1  %2  %3 of %4 sessions left  (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Service vouchers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ••%1: %2 (%3). %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client find needs a name or phone digits to look for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the quantity must be from 1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::plugins</name>
    <message>
        <source>it is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not the plugin it should be</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::printing</name>
    <message>
        <source>No receipt printer is set up on this register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no default printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash drawer opens through a receipt printer: set one up in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cash drawer is set up on this register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEST PRINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer test: Crème Brûlée Body Oil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you can read this and scan the QR code, the printer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z REPORT #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X REPORT (not a close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next Z will be #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voids (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PERIOD TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GRAND TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions by therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips by therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer pay-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer pay-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SALE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card ••%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales tax %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax by class, net of refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards sold (owed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected on sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sold (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outstanding (liability)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawers closed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer setting could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 is not on this computer any more: choose another in Settings → Printers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHIFT SUMMARY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1, register %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales on the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXACT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay-ins and pay-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shift summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the printer&apos;s address, e.g. 192.168.1.50 (it prints it on its self-test page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a printer address: type four numbers such as 192.168.1.50, or the printer&apos;s host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a port: use a number from 1 to 65535 (receipt printers listen on 9100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avery 5160 — 30 per sheet, 2⅝″ × 1″</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avery 5163 — 10 per sheet, 4″ × 2″</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avery 5167 — 80 per sheet, 1¾″ × ½″</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printer — 2¼″ × 1¼″ labels, one at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avery 5167 labels (1¾″ × ½″) are too small for a name, a price and a barcode: use 5160 or 5163.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no labels to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label printer starts at its next label: there are no used labels to skip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip 0 to %1 used labels of an Avery %2 sheet (%3 labels), not %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid EAN-13: no label prints it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid EAN-13.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EAN-13 %1 came out %2 modules wide, not 95.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EAN-13 %1 cannot be drawn: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no label page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer does not take %1 paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start printing labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start label page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish printing labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelf labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes %1 promotional value, expires %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes %1 promotional value, no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  of which promotional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher ••%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1: %2 sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package ••%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens</name>
    <message>
        <source>Save %1 as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB receipt printer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipts as printer commands (raw queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer&apos;s default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this computer&apos;s printer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network printer at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB receipt printer at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer queue %1 (raw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of it promotional, expires %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of it promotional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::CertificatePreviewDialog</name>
    <message>
        <source>Gift certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A6 card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift-certificate-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::ClientDialog</name>
    <message>
        <source>Preferences the front desk may read (no health notes here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line: allergies, contraindications, pregnancy
e.g. Allergy: nut oils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health notes
(therapists and
managers only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::ClientListModel</name>
    <message>
        <source>Health notes on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::ClientsScreen</name>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by name or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge a duplicate into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a client on the left, or add a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Health notes — never printed, for therapists and managers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Health notes on file: the therapist and managers can read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was merged into client #%2; the history shown is theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the duplicate client first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into %1: the duplicate&apos;s visits and purchases are theirs now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 clients to %2. It holds health notes: keep it private.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a duplicate of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session packages (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions left: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a package session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring up one session of the chosen package for this client: the register asks for the therapist and opens Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the package in the list first: %1 has more than one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  not redeemed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  void (refunded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service vouchers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package #%1 is not one of %2&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That package has no session left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets: %1  ·  Visits: %2  ·  Spent in all: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::CommissionDialog</name>
    <message>
        <source>no rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission is a share of the service sales a therapist performed, after discounts and before tax and tips. A service&apos;s rate wins over the therapist&apos;s; leave a field empty for no rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::Dashboard</name>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (up %1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (down %1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today so far: &lt;b&gt;%1&lt;/b&gt; · by this time last %2: %3%4 · last %2 all day: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales per month, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales per day, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by hour of day, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions per therapist, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts cannot be shown on this computer: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions with a therapist, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales, %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::GiftCardHistoryModel</name>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded to card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to new card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved from lost card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value refunded to card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value taken back (sale voided)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value moved from lost card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value moved to new card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, expires %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::GiftCardScreen</name>
    <message>
        <source>Scan the card&apos;s QR code or type its code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell a gift card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace lost card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liability report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (approved by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a card to see its balance and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card ending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active · sold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 gift card is on the register&apos;s ticket: take payment there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the card to reload first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 on receipt %2. New balance: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the lost card&apos;s code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card ending %1 is now void. New card: %2 holding %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the card to cash out first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay the customer %1 in cash from the drawer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the card to adjust first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted by %1. New balance: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the card first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell a gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload card ending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card (terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash handed over (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 4 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorisation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card last 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace lost card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void the card ending %1 and move its %2 to a new card?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new code is %1.

Print a certificate for it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay out the %1 left on the card ending %2 in cash? The card will be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust card ending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10.00 or -5.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why the balance changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift-card liability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding on all cards: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2: owed at the start %3, sold %4, redeemed %5, other %6, owed at the end %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email gift card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the card&apos;s code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card ending %1 is void: email the card that replaced it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register does not send email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail server is set for this store: a manager sets one with oasisctl settings smtp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s email address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gift card is on its way to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An expiry date is for promotional value: give a bonus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 gift card with %2 promotional value is on the register&apos;s ticket: take payment there (a manager approves the bonus).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card ••%1 given: %2 of promotional value, spendable through %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card ••%1 given: %2 of promotional value, no expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 20 (a manager approves it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bonus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card given away holds promotional value only: it is not owed to anyone, it is spent after any paid value, and it may expire. A manager decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Apology for a late start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paid · %2 promotional, expires %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paid · %2 promotional, no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active · issued %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::InventoryModel</name>
    <message>
        <source>Below zero: more was sold or used than was on the books. Count the shelf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low: %1 on hand, reorder at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::InventoryScreen</name>
    <message numerus="yes">
        <source>%n low</source>
        <translation>
            <numerusform>%n low</numerusform>
            <numerusform>%n low</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) below zero, valued at 0</source>
        <translation>
            <numerusform>%n product below zero, valued at 0</numerusform>
            <numerusform>%n products below zero, valued at 0</numerusform>
        </translation>
    </message>
    <message>
        <source>Search code, name or category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low stock only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adjust…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock at cost %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a product in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used in treatment (oil during a massage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction (adds or removes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a whole number from 0: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter counted quantities, or load a code,counted CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 counted, %2 to correct, net %3 at cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2 is not an active product in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post these corrections?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count %1 posted: %2 corrections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order up to twice the reorder point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this month: the use-tax base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used in treatments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left (estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring in 60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several separated by |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paraben-free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (sold and listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code (SKU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;labels…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::LabelsDialog</name>
    <message>
        <source>Print shelf labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products chosen in the list (none chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n product(s) chosen in the list</source>
        <translation>
            <numerusform>The %n product chosen in the list</numerusform>
            <numerusform>The %n products chosen in the list</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything received today (nothing yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Everything received today: %n product(s)</source>
        <translation>
            <numerusform>Everything received today: %n product</numerusform>
            <numerusform>Everything received today: %n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n unit(s)</source>
        <translation>
            <numerusform>, %n unit</numerusform>
            <numerusform>, %n units</numerusform>
        </translation>
    </message>
    <message>
        <source> of each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One for each unit received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a sheet already used, the first label still free (counting across, then down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a sheet already used, the first free label, counting across and then down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n sheet(s)</source>
        <translation>
            <numerusform> on %n sheet</numerusform>
            <numerusform> on %n sheets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) on the label printer</source>
        <translation>
            <numerusform>%n label on the label printer</numerusform>
            <numerusform>%n labels on the label printer</numerusform>
        </translation>
    </message>
    <message>
        <source>Shelf labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shelf-labels-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::MovementModel</name>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used in treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier / note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::PrintChoiceDialog</name>
    <message>
        <source>No receipt printer is set up on this register. Print on one of this computer&apos;s printers, or save a PDF to print or send later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt printer is set up on this register, and this computer has no other printer: save a PDF to print or send later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To print on a receipt printer, choose one in Settings → Printers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::PrintOutcome</name>
    <message>
        <source>Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::ReportsScreen</name>
    <message>
        <source>No receipt printer is set up for reports (Settings → Printer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports print on an ESC/POS receipt printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report: close the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X / Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the Z report? The day&apos;s figures are then fixed for good; later sales and refunds belong to the next day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report #%1 saved and printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report #%1 is saved; it did not print: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first date is after the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database backups (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written and verified: %1. Its key file is %2 — keep the key apart from the backup (e.g. on a USB stick in the safe).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by therapist, with tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use tax: treatments and testers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift-card liability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift-card aging (as of the last date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory at cost (now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission is paid on service sales after discounts, before tax and tips, at the service&apos;s rate or else the therapist&apos;s (Staff → Commission rates…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock taken off the shelf for treatments and testers, at cost, with the retail tax rate in force on the day it was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Owed at the start %1 + sold %2 − redeemed %3 + other %4 = owed at the end %5. %n card(s) moved.</source>
        <translation>
            <numerusform>Owed at the start %1 + sold %2 − redeemed %3 + other %4 = owed at the end %5. %n card moved.</numerusform>
            <numerusform>Owed at the start %1 + sold %2 − redeemed %3 + other %4 = owed at the end %5. %n cards moved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Owed on gift cards %1: active in the last 12 months %2; idle 12 to 24 months %3; 24 to 36 months %4; 36 months or more %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients: lifetime value and last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of the last date; refunds taken off. Visits are tickets with a session. Client data is exported from the Client page, where a manager approves and the journal records it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client data is exported from the Client page (a manager&apos;s, recorded in the journal), not from Reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service vouchers: sold, redeemed, owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotional value (not owed): %1 at the start + granted %2 − spent %3 − expired %4 = %5 at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Owed on service vouchers at the start %1 + sold %2 − redeemed %3 − refunded %4 = owed at the end %5, on %n voucher(s) not yet redeemed.</source>
        <translation>
            <numerusform>Owed on service vouchers at the start %1 + sold %2 − redeemed %3 − refunded %4 = owed at the end %5, on %n voucher not yet redeemed.</numerusform>
            <numerusform>Owed on service vouchers at the start %1 + sold %2 − redeemed %3 − refunded %4 = owed at the end %5, on %n vouchers not yet redeemed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Session packages: sold, used, recognised, owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Owed on session packages at the start %1 + sold %2 − recognised %3 − refunded %4 = owed at the end %5, on %n session(s) not yet used.</source>
        <translation>
            <numerusform>Owed on session packages at the start %1 + sold %2 − recognised %3 − refunded %4 = owed at the end %5, on %n session not yet used.</numerusform>
            <numerusform>Owed on session packages at the start %1 + sold %2 − recognised %3 − refunded %4 = owed at the end %5, on %n sessions not yet used.</numerusform>
        </translation>
    </message>
    <message>
        <source>Prepaid: what the spa owes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed on everything prepaid at the start %1, at the end %2 (gift cards&apos; paid value, vouchers, packages). Revenue recognised from vouchers and packages %3. Promotional value on gift cards at the end, not owed: %4. Counts: gift cards in ledger entries (outstanding: cards owing), packages in sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales made offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) made while the store server was out of reach, sent when it was back; each kept what the customer was charged. Lines sold at a price the catalog did not have then: %1.</source>
        <translation type="unfinished">
            <numerusform>%n sale made while the store server was out of reach, sent when it was back; it kept what the customer was charged. Lines sold at a price the catalog did not have then: %1.</numerusform>
            <numerusform>%n sales made while the store server was out of reach, sent when it was back; each kept what the customer was charged. Lines sold at a price the catalog did not have then: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>oasis::screens::SettingsScreen</name>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards &amp;&amp; register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line per address line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return policy and thank-you, printed under every receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save store details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed at the top of receipts and on gift certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10.55</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rate is never changed: add the new one with the date it takes effect. Each sale uses the rate in force on its date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 50, 100, 150, 200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts above this need a manager (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the register after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm (48 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>58 mm (32 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image (works on every printer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer&apos;s own QR codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cash drawer is connected to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open drawer (no sale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store details saved. New receipts print them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 from %3 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest card: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest card: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smallest card must be above zero and not above the largest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset %1 is outside %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one preset amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer settings saved for this register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test receipt was sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer was opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save for the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No store is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop using it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printers found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 192.168.1.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network receipt printer prints its address when you hold its feed button while switching it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer found. Plug a receipt printer into a USB port, switch it on and press Refresh, or type a network printer&apos;s address below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No receipt printer is set up on this register.&lt;/b&gt; Receipts can still go to this computer&apos;s printer or be saved as PDF. Choose a printer below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register prints receipts on: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register has no receipt printer now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register now prints receipts on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a printer to test first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 × %4)%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, this register&apos;s screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to the store (shown while no ticket is open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the customer each line as it is scanned, the total, the change, what stays on a gift card and the QR of a card just sold, full screen on a second monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No screen called %1 is connected to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer display on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer display is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. smtp.gmail.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (a relay on the store&apos;s own network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty when the server needs no login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. hello@yourspa.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift cards and receipts are emailed through the store&apos;s own mail server, from the address customers see and reply to. The password is kept in this store&apos;s key file, never in its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept (type a new one to change it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server saved: gift cards and receipts are emailed from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is register &lt;b&gt;%1&lt;/b&gt;; its receipts are numbered in series &lt;b&gt;%2&lt;/b&gt; (%2-000001, %2-000002, …).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::ShiftScreen</name>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over / short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1 opened with a float of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid out %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOTES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COINS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (tip paid out to Lena…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in or out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count a float for the next shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open shift with a float of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close shift with %1 counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1 open since %2, by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Float %1 · cash sales %2 · cash refunds %3 · pay-ins %4 · pay-outs %5 · sales on this shift: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open on this register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the float in the drawer, then open a shift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the drawer first: enter how many of each note and coin there are (0 where there are none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the shift with %1 counted?

Expected %2: %3.

The count cannot be changed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1 closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift summary sent to the receipt printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the shift summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift summary sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shift summary as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::StaffModel</name>
    <message>
        <source>Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::StaffScreen</name>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show inactive staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add staff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a login name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can no longer log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN of %1 was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. lena (used to log in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Lena M. (printed on receipts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapists do not log in, so they have no PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will no longer be able to log in or be chosen for sessions. Their past sales stay as they are. Deactivate?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission rates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission rates saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::StoreLocationDialog</name>
    <message>
        <source>This register&apos;s store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this store now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::StoreLocationEditor</name>
    <message>
        <source>This register&apos;s store is on a server: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register&apos;s store is a file on this computer: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s own store (one register)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store server that several registers share (PostgreSQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s address as postgresql://USER@HOST[:PORT]/DBNAME. A password is never typed here: the server&apos;s administrator puts it in ~/.pgpass on this computer. A second register also needs the store&apos;s key: oasisctl keys export on the first, oasisctl keys import on this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store server&apos;s address starts with postgresql://, as in postgresql://register@backoffice/spa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached %1: the store &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the store server&apos;s address, or choose this computer&apos;s own store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This register keeps its store: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From its next start this register opens its store at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>oasis::screens::ValuationModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
