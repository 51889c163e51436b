"use client";

import Link from "next/link";
import { useRef, useState, type KeyboardEvent } from "react";
import styles from "./calendar.module.css";

export interface GridItem {
  key: string;
  label: string;
  vendorName: string;
  href: string;
}

interface Props {
  /** Weeks of "YYYY-MM-DD", Monday first. */
  weeks: string[][];
  /** "YYYY-MM": days outside it are shown dimmed. */
  month: string;
  today: string;
  /** Day → its items. */
  items: Record<string, GridItem[]>;
  /** "5 December 2026" per day, for screen readers. */
  dayLabels: Record<string, string>;
  caption: string;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * The month as an ARIA grid with one focusable day at a time (roving
 * tabindex): arrow keys move by a day or a week, Home/End to the start or end
 * of the week; Tab goes on into the day's links.
 */
export function MonthGrid({ weeks, month, today, items, dayLabels, caption }: Props) {
  const days = weeks.flat();
  const initial = days.includes(today) ? today : (days.find((d) => d.startsWith(month)) ?? days[0]!);
  const [focused, setFocused] = useState(initial);
  const cells = useRef(new Map<string, HTMLElement>());

  function move(event: KeyboardEvent, day: string) {
    const i = days.indexOf(day);
    const delta: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -(i % 7), End: 6 - (i % 7) };
    if (!(event.key in delta) || event.target !== event.currentTarget) return;
    event.preventDefault();
    const next = days[Math.min(days.length - 1, Math.max(0, i + delta[event.key]!))]!;
    setFocused(next);
    cells.current.get(next)?.focus();
  }

  return (
    <table role="grid" className={styles.grid} aria-label={caption} data-testid="calendar-month">
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col">{d}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const list = items[day] ?? [];
              const outside = !day.startsWith(month);
              const classes = [styles.day, outside ? styles.outside : "", day === today ? styles.today : "", list.length === 0 ? styles.empty : ""].join(" ");
              return (
                <td
                  key={day}
                  role="gridcell"
                  className={classes}
                  tabIndex={day === focused ? 0 : -1}
                  ref={(el) => {
                    if (el) cells.current.set(day, el);
                    else cells.current.delete(day);
                  }}
                  onKeyDown={(e) => move(e, day)}
                  onFocus={(e) => {
                    if (e.target === e.currentTarget) setFocused(day);
                  }}
                  aria-current={day === today ? "date" : undefined}
                  aria-label={`${dayLabels[day]}${day === today ? ", today" : ""}: ${list.length === 0 ? "nothing due" : `${list.length} ${list.length === 1 ? "item" : "items"}`}`}
                  data-day={day}
                >
                  <span className={styles.dayNumber} aria-hidden="true">
                    {Number(day.slice(8))}
                    <span className={styles.dayName}> {dayLabels[day]}</span>
                  </span>
                  {day === today ? <span className={styles.todayTag}>Today</span> : null}
                  {list.length > 0 ? (
                    <ul className={styles.items}>
                      {list.map((item) => (
                        <li key={item.key}>
                          <Link href={item.href} tabIndex={day === focused ? 0 : -1}>
                            <span className={styles.itemLabel}>{item.label}</span> {item.vendorName}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
