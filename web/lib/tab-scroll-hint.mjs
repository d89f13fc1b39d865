// The top bar's tabs on a narrow screen scroll sideways: the row fades out on the side where more
// tabs are hidden (data-more="left", "right" or "both"), and the active tab is scrolled into view,
// so a phone reader sees that Docs and Essay are there.
export function setUpTabScrollHint(tabs = document.querySelector('.topbar .tabs')) {
  if (!tabs) return;
  const update = () => {
    const left = tabs.scrollLeft > 1;
    const right = tabs.scrollLeft + tabs.clientWidth < tabs.scrollWidth - 1;
    if (left || right) tabs.dataset.more = left && right ? 'both' : left ? 'left' : 'right';
    else delete tabs.dataset.more;
  };
  tabs.querySelector('.tab.active')?.scrollIntoView({ block: 'nearest', inline: 'center' });
  tabs.addEventListener('scroll', update, { passive: true });
  new ResizeObserver(update).observe(tabs);
  update();
}
