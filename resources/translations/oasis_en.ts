<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The plural forms of the English texts (Qt's %n): the source language needs them too.
     Kept by hand: lupdate (6.4) does not see the nested namespaces the classes live in, and a
     message's context must be the class's full name, as its tr() looks it up at run time. -->
<TS version="2.1" language="en_US" sourcelanguage="en_US">
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
</context>
<context>
    <name>oasis::screens::ReportsScreen</name>
    <message numerus="yes">
        <source>Gift cards %1 to %2: owed at the start %3, sold %4, redeemed %5, other %6, owed at the end %7; %n card(s) moved.</source>
        <translation>
            <numerusform>Gift cards %1 to %2: owed at the start %3, sold %4, redeemed %5, other %6, owed at the end %7; %n card moved.</numerusform>
            <numerusform>Gift cards %1 to %2: owed at the start %3, sold %4, redeemed %5, other %6, owed at the end %7; %n cards moved.</numerusform>
        </translation>
    </message>
</context>
</TS>
